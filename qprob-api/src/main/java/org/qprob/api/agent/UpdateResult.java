package org.qprob.api.agent;

/**
 * What one call to {@link Agent#update()} did.
 *
 * @param gradientSteps the gradient steps taken (0 while learning has not started or between update events; more
 *     than 1 when each update event takes several, as SB3's {@code gradient_steps})
 * @param loss the mean over those steps of each step's batch-mean loss; NaN if none
 * @param meanBeta the mean over those steps of the batch-mean predicted Gumbel scale beta = exp(nu) at s; NaN for
 *     agents without one
 * @param gradientNorm the largest global L2 norm of those steps' gradients before any clipping (over every network a
 *     step moved); NaN or infinite when any step's was; 0 for agents that do not measure it
 */
public record UpdateResult(int gradientSteps, double loss, double meanBeta, double gradientNorm) {
  /** The result of a call that took no step. */
  public static final UpdateResult NONE = new UpdateResult(0, Double.NaN, Double.NaN, 0);

  public UpdateResult {
    if (gradientSteps < 0) {
      throw new IllegalArgumentException("gradientSteps = " + gradientSteps + " is invalid; expected >= 0");
    }
  }

  /** One gradient step if {@code updated}, none otherwise. */
  public UpdateResult(boolean updated, double loss, double meanBeta, double gradientNorm) {
    this(updated ? 1 : 0, loss, meanBeta, gradientNorm);
  }

  /** One gradient step if {@code updated}, its gradient norm not measured (reported as 0). */
  public UpdateResult(boolean updated, double loss, double meanBeta) {
    this(updated, loss, meanBeta, 0);
  }

  /** Whether at least one gradient step was taken. */
  public boolean updated() {
    return gradientSteps > 0;
  }
}
