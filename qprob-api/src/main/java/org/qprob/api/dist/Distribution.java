package org.qprob.api.dist;

import java.util.random.RandomGenerator;

/**
 * A continuous probability distribution on the real line, as an immutable value: its density, distribution function,
 * quantiles, moments and entropy, and a way to draw from it with a generator the caller owns.
 */
public interface Distribution {
  /** The probability density at {@code x}. */
  double density(double x);

  /** The natural log of the density at {@code x} (computed directly, not as {@code log(density(x))}). */
  double logDensity(double x);

  /** The cumulative distribution function {@code P(X <= x)}. */
  double cdf(double x);

  /** The inverse of {@link #cdf}: the {@code x} with {@code P(X <= x) = p}, for {@code 0 < p < 1}. */
  double quantile(double p);

  /** One draw, using only {@code random}. */
  double sample(RandomGenerator random);

  /** The expectation {@code E[X]}. */
  double mean();

  /** The variance {@code Var[X]}. */
  double variance();

  /** The differential entropy {@code -E[log density(X)]}, in nats. */
  double entropy();
}
