package org.qprob.api.agent;

/**
 * What one call to {@link Agent#update()} did.
 *
 * @param updated whether a gradient step was taken (false while the replay buffer is still filling)
 * @param loss the batch-mean loss of that step; NaN if none
 * @param meanBeta the batch-mean predicted Gumbel scale beta = exp(nu) at s; NaN for agents without one
 * @param gradientNorm the global L2 norm of that step's gradient before any clipping (over every network the step
 *     moved); infinite when it overflowed; 0 for agents that do not measure it
 */
public record UpdateResult(boolean updated, double loss, double meanBeta, double gradientNorm) {
  /** The result of a call that took no step. */
  public static final UpdateResult NONE = new UpdateResult(false, Double.NaN, Double.NaN, 0);

  /** A step whose gradient norm was not measured (reported as 0). */
  public UpdateResult(boolean updated, double loss, double meanBeta) {
    this(updated, loss, meanBeta, 0);
  }
}
