/**
 * Probability distributions of returns — the Gumbel first among them, the categorical and quantile-atom predictions
 * of the distributional baselines beside it — as immutable values, with the CRPS that scores them all on one scale.
 */
package org.qprob.api.dist;
