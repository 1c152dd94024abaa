package org.qprob.losses;

/**
 * One batch of inputs to a {@link DirectLoss}'s per-sample math (not the TD contract, which is
 * {@link org.qprob.api.loss.TdBatch}), as flat primitive arrays of length {@code size} (next-state locations:
 * {@code size * actions}, row-major). Fields a loss does not use are null; each loss checks that what it needs is
 * there. The arrays are read, never written or kept.
 *
 * @param size number of samples B
 * @param prediction per sample: Q(s, a) for point losses, the location mu(s, a) for Gumbel losses
 * @param predictionLogScale per sample: the log-scale nu(s) of the predicted Gumbel; null for point heads
 * @param target per sample: the point target (point losses, terminal-nll); null for the Gumbel backup
 * @param reward per sample: the reward r (the Gumbel backup)
 * @param terminal per sample: whether s' is terminal (the Gumbel backup; terminal rows score r alone)
 * @param gamma the discount in (0, 1] (the Gumbel backup)
 * @param actions number of actions A (the Gumbel backup)
 * @param nextLocation mu(s', a') for every a', {@code size * actions} row-major (the Gumbel backup)
 * @param nextLogScale nu(s') per sample (the Gumbel backup)
 */
public record LossBatch(
    int size,
    double[] prediction,
    double[] predictionLogScale,
    double[] target,
    double[] reward,
    boolean[] terminal,
    double gamma,
    int actions,
    double[] nextLocation,
    double[] nextLogScale) {

  /** Point predictions against point targets (l2, huber, xql). */
  public static LossBatch point(double[] prediction, double[] target) {
    return new LossBatch(prediction.length, prediction, null, target, null, null, Double.NaN, 0, null, null);
  }

  /** Predicted Gumbels against observed returns (terminal-nll). */
  public static LossBatch observed(double[] location, double[] logScale, double[] observedReturn) {
    return new LossBatch(location.length, location, logScale, observedReturn, null, null, Double.NaN, 0, null, null);
  }

  /** Predicted Gumbels against the Gumbel Bellman backup built from the next-state predictions (gumbel-kl). */
  public static LossBatch gumbelBackup(double[] location, double[] logScale, double[] reward, boolean[] terminal,
      double gamma, int actions, double[] nextLocation, double[] nextLogScale) {
    return new LossBatch(location.length, location, logScale, null, reward, terminal, gamma, actions, nextLocation,
        nextLogScale);
  }
}
