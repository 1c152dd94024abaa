/**
 * The NoisyChain-v0 uncertainty analysis: per run, the learned Gumbel scale beta(s) against each state's true noise
 * (Spearman rank correlation) and the value error against the known optimal values on quiet and noisy states,
 * aggregated across seeds into the experiment's report.
 */
package org.qprob.experiments.noisychain;
