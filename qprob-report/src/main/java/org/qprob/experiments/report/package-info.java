/** Statistics across seeds, the summary table and the learning-curve plot, all computed from a results folder alone. */
package org.qprob.experiments.report;
