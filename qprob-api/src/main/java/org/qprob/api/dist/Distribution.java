package org.qprob.api.dist;

import java.util.random.RandomGenerator;

/**
 * A probability distribution on the real line, as an immutable value: its distribution function, quantiles, moments,
 * continuous ranked probability score, a way to draw from it with a generator the caller owns and, when it is
 * {@link #continuous()}, its density and entropy.
 *
 * <p>Discrete distributions ({@link DiscreteDistribution}: {@link Categorical}, {@link QuantileAtoms}) have no density:
 * their {@link #density}, {@link #logDensity} and {@link #entropy} throw {@link UnsupportedOperationException}, and
 * {@link #continuous()} says so beforehand. Scores that apply to both kinds, such as {@link #crps}, compare them on one
 * scale.
 */
public interface Distribution {
  /**
   * Whether the distribution has a density, so that {@link #density}, {@link #logDensity} and {@link #entropy} are
   * defined; {@code true} unless overridden (every distribution before the discrete ones was continuous).
   */
  default boolean continuous() {
    return true;
  }

  /**
   * The probability density at {@code x}.
   *
   * @throws UnsupportedOperationException if the distribution is not {@link #continuous()}
   */
  double density(double x);

  /**
   * The natural log of the density at {@code x} (computed directly, not as {@code log(density(x))}).
   *
   * @throws UnsupportedOperationException if the distribution is not {@link #continuous()}
   */
  double logDensity(double x);

  /** The cumulative distribution function {@code F(x) = P(X <= x)}, right-continuous. */
  double cdf(double x);

  /**
   * The inverse of {@link #cdf}, {@code inf {x : F(x) >= p}}, for {@code 0 < p < 1}: the {@code x} with
   * {@code F(x) = p} for a continuous distribution, the smallest atom at which {@code F} reaches {@code p} for a
   * discrete one.
   */
  double quantile(double p);

  /** One draw, using only {@code random}. */
  double sample(RandomGenerator random);

  /** The expectation {@code E[X]}. */
  double mean();

  /** The variance {@code Var[X]}. */
  double variance();

  /**
   * The differential entropy {@code -E[log density(X)]}, in nats.
   *
   * @throws UnsupportedOperationException if the distribution is not {@link #continuous()}
   */
  double entropy();

  /**
   * The continuous ranked probability score of an observed {@code y} under this prediction,
   * {@code CRPS(F, y) = integral (F(x) - 1{x >= y})^2 dx = E|X - y| - E|X - X'| / 2} ({@code X, X'} independent draws),
   * lower is better, in the units of {@code y}.
   *
   * <p>This default integrates the equivalent quantile form {@code 2 * integral_0^1 (1{y < Q(p)} - p) (Q(p) - y) dp}
   * numerically (double-exponential quadrature on each side of {@code p = F(y)}, good to about 1e-10 relative for a
   * continuous distribution with a smooth quantile function and a finite mean). {@link Gumbel}, {@link Categorical}
   * and {@link QuantileAtoms} override it with closed forms.
   *
   * @param y the observed value, finite
   */
  default double crps(double y) {
    return CrpsQuadrature.crps(this, y);
  }
}
