/** The Guice modules one run's injector is built from: the plugin registries as map bindings, and the run's own parts. */
package org.qprob.experiments.guice;
