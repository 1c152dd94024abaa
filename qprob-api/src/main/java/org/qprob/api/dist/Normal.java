package org.qprob.api.dist;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Erf;

/**
 * The normal distribution {@code N(mean, sd^2)}: what a point-estimate agent's prediction becomes for calibration
 * (its value as the mean, a spread fitted on training returns), and what a plugin predicting a Gaussian return can
 * build on.
 *
 * @param mean the mean (any double; a NaN mean gives NaN densities and probabilities)
 * @param sd the standard deviation, finite and {@code > 0}
 */
public record Normal(double mean, double sd) implements Distribution {
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  public Normal {
    if (!(sd > 0) || Double.isInfinite(sd)) {
      throw new IllegalArgumentException("Normal: sd = " + sd + " is invalid; expected a finite number > 0");
    }
  }

  @Override
  public double density(double x) {
    return Math.exp(logDensity(x));
  }

  @Override
  public double logDensity(double x) {
    double z = (x - mean) / sd;
    return -0.5 * z * z - Math.log(sd) - LOG_SQRT_2PI;
  }

  @Override
  public double cdf(double x) {
    return 0.5 * Erf.erfc(-(x - mean) / (sd * Math.sqrt(2)));
  }

  @Override
  public double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("Normal.quantile: p = " + p + " is invalid; expected 0 < p < 1");
    }
    return mean + sd * Math.sqrt(2) * Erf.erfInv(2 * p - 1);
  }

  @Override
  public double sample(RandomGenerator random) {
    return mean + sd * random.nextGaussian();
  }

  @Override
  public double variance() {
    return sd * sd;
  }

  /** {@code log(sd * sqrt(2 pi e))}. */
  @Override
  public double entropy() {
    return Math.log(sd) + LOG_SQRT_2PI + 0.5;
  }
}
