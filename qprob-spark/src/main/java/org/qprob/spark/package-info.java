/** The {@code spark} engine: each (variant, seed) run of an experiment as one Apache Spark task. */
package org.qprob.spark;
