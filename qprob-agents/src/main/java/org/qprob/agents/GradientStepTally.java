package org.qprob.agents;

import org.qprob.api.agent.UpdateResult;

/**
 * The gradient steps of one update event, summed into one {@link UpdateResult}: their count, the mean of their losses
 * and batch-mean scales, and the largest of their gradient norms (NaN or infinite if any was). For a single step the
 * result holds that step's numbers unchanged.
 */
public final class GradientStepTally {
  private int steps;
  private double lossSum;
  private double betaSum;
  private double maxNorm;

  /** Adds one step's batch-mean loss, batch-mean scale (NaN for none) and gradient norm. */
  public void add(double loss, double meanBeta, double gradientNorm) {
    lossSum += loss;
    betaSum += meanBeta;
    maxNorm = steps == 0 || Double.isNaN(gradientNorm) ? gradientNorm : Math.max(maxNorm, gradientNorm);
    steps++;
  }

  /** What the steps added so far did; {@link UpdateResult#NONE} if none. */
  public UpdateResult result() {
    if (steps == 0) {
      return UpdateResult.NONE;
    }
    return new UpdateResult(steps, lossSum / steps, betaSum / steps, maxNorm);
  }
}
