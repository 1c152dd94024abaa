/** Executes runs: one run's injector, observers and folder states, and a pool that runs many. */
package org.qprob.experiments.runner;
