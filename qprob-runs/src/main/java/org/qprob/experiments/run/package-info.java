/** Runs: the serialisable run specifications, the pool that executes them, and the crash-safe files each run writes. */
package org.qprob.experiments.run;
