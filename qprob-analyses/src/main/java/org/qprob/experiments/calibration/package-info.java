/**
 * Calibration of predicted returns: recording the evaluation (and recent training) episodes, realised discounted
 * returns, the negative log-likelihood, interval coverage and PIT histogram of each run's predictions, the
 * {@code calibration.csv} a run writes, and the calibration section of an experiment's report.
 */
package org.qprob.experiments.calibration;
