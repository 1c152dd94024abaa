package org.qprob.api.agent;

/**
 * What one call to {@link Agent#update()} did.
 *
 * @param updated whether a gradient step was taken (false while the replay buffer is still filling)
 * @param loss the batch-mean loss of that step; NaN if none
 * @param meanBeta the batch-mean predicted Gumbel scale beta = exp(nu) at s; NaN for agents without one
 */
public record UpdateResult(boolean updated, double loss, double meanBeta) {
  /** The result of a call that took no step. */
  public static final UpdateResult NONE = new UpdateResult(false, Double.NaN, Double.NaN);
}
