package org.qprob.losses;

/**
 * Closed forms of Gumbel regression: the prediction {@code h} that minimises
 * {@code mean(exp((x_i - h) / beta) - (x_i - h) / beta - 1)} over samples {@code x_i} is the soft maximum
 * {@code beta * log(mean(exp(x_i / beta)))}.
 */
public final class GumbelRegression {
  private GumbelRegression() {}

  /** {@code beta * log(mean(exp(x_i / beta)))}, shifted by the largest sample so nothing overflows. */
  public static double minimiser(double[] samples, double beta) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("GumbelRegression: samples is empty; expected at least one");
    }
    if (!(beta > 0) || !Double.isFinite(beta)) {
      throw new IllegalArgumentException("GumbelRegression: beta = " + beta + " is invalid; expected a finite number > 0");
    }
    double top = samples[0];
    for (double x : samples) {
      top = Math.max(top, x);
    }
    double sum = 0;
    for (double x : samples) {
      sum += Math.exp((x - top) / beta);
    }
    return top + beta * Math.log(sum / samples.length);
  }

  /** The mean plain Gumbel regression loss of a constant prediction {@code h}. */
  public static double meanLoss(double[] samples, double beta, double h) {
    double total = 0;
    for (double x : samples) {
      double z = (x - h) / beta;
      total += Math.expm1(z) - z;
    }
    return total / samples.length;
  }
}
