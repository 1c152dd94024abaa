package org.qprob.api.agent;

import org.qprob.api.dist.Distribution;

/**
 * An optional capability of an {@link Agent}: it says what return it predicts for each action, exactly as it predicts
 * it when acting (same parameters, same output transforms). Analyses use it — calibration of the predicted return
 * against realised returns, value error against known optimal values — without knowing the agent's internals.
 *
 * <p>Calls must not change anything the agent's future behaviour depends on (no generator draws, no learning); they
 * are made from the thread that drives the agent.
 */
public interface ValuePredictor {
  /**
   * The point value {@code Q(s, a)} of every action at {@code observation}: the expected discounted return the agent
   * predicts. For a distributional agent this is the mean of {@link #returnDistributions}; its greedy action is the
   * argmax of these values.
   */
  double[] actionValues(float[] observation);

  /** Whether {@link #returnDistributions} is available: the agent predicts a whole distribution of the return. */
  boolean distributional();

  /**
   * The predicted distribution of the discounted return of every action at {@code observation}; for the Gumbel head
   * of probabilistic Q-learning, {@code Q(s, a) ~ Gumbel(mu(s, a), exp(nu(s)))} as an
   * {@link org.qprob.api.dist.Gumbel}.
   *
   * @throws UnsupportedOperationException if the agent is not {@link #distributional()}
   * @throws IllegalArgumentException if the prediction is not a valid distribution (e.g. a non-finite output)
   */
  Distribution[] returnDistributions(float[] observation);
}
