package org.qprob.example;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Erf;
import org.qprob.api.dist.Distribution;
import org.qprob.api.dist.Normal;

/** The normal distribution {@code N(mean, sd^2)}, {@code sd > 0}, as the example loss predicts it. */
public record GaussianReturn(double mean, double sd) implements Distribution {
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  public GaussianReturn {
    if (!Double.isFinite(mean) || !(sd > 0) || !Double.isFinite(sd)) {
      throw new IllegalArgumentException("GaussianReturn(" + mean + ", " + sd + ") is invalid; expected a finite mean and "
          + "a finite sd > 0");
    }
  }

  /** The same normal distribution as the API's {@link Normal}, which computes everything but the CRPS. */
  private Normal normal() {
    return new Normal(mean, sd);
  }

  @Override
  public double density(double x) {
    return normal().density(x);
  }

  @Override
  public double logDensity(double x) {
    return normal().logDensity(x);
  }

  @Override
  public double cdf(double x) {
    return normal().cdf(x);
  }

  @Override
  public double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("GaussianReturn.quantile: p = " + p + " is invalid; expected 0 < p < 1");
    }
    return normal().quantile(p);
  }

  @Override
  public double sample(RandomGenerator random) {
    return normal().sample(random);
  }

  @Override
  public double variance() {
    return normal().variance();
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
