package org.qprob.example;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Erf;
import org.qprob.api.dist.Distribution;

/** The normal distribution {@code N(mean, sd^2)}, {@code sd > 0}, as the example loss predicts it. */
public record GaussianReturn(double mean, double sd) implements Distribution {
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  public GaussianReturn {
    if (!Double.isFinite(mean) || !(sd > 0) || !Double.isFinite(sd)) {
      throw new IllegalArgumentException("GaussianReturn(" + mean + ", " + sd + ") is invalid; expected a finite mean and "
          + "a finite sd > 0");
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
      throw new IllegalArgumentException("GaussianReturn.quantile: p = " + p + " is invalid; expected 0 < p < 1");
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

  @Override
  public double entropy() {
    return 0.5 + LOG_SQRT_2PI + Math.log(sd);
  }

  /** The closed form {@code sd (z (2 Phi(z) - 1) + 2 phi(z) - 1 / sqrt(pi))}, {@code z = (y - mean) / sd}. */
  @Override
  public double crps(double y) {
    double z = (y - mean) / sd;
    double phi = Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
    double cdf = 0.5 * Erf.erfc(-z / Math.sqrt(2));
    return sd * (z * (2 * cdf - 1) + 2 * phi - 1 / Math.sqrt(Math.PI));
  }
}
