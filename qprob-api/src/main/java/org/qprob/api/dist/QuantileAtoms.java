package org.qprob.api.dist;

import java.util.random.RandomGenerator;

/**
 * The equally weighted distribution on {@code n} values, {@code P(X = theta_k) = 1/n} — the prediction of a QR-DQN
 * head, whose outputs {@code theta_k} estimate the quantiles at {@code tau_k = (2k + 1) / (2n)}. The network need not output
 * them in order; they are kept sorted (ties allowed), so {@link #atom(int)} is the {@code k}-th smallest.
 */
public final class QuantileAtoms implements DiscreteDistribution {
  private final SortedAtoms atoms;

  /** @param values the atoms, finite, at least one, in any order (copied) */
  public QuantileAtoms(double[] values) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException("QuantileAtoms: values is empty; expected at least one atom");
    }
    for (int k = 0; k < values.length; k++) {
      if (!Double.isFinite(values[k])) {
        throw new IllegalArgumentException("QuantileAtoms: values[" + k + "] = " + values[k]
            + " is invalid; expected a finite number");
      }
    }
    this.atoms = SortedAtoms.equallyWeighted(values);
  }

  @Override
  public int size() {
    return atoms.size();
  }

  @Override
  public double atom(int k) {
    return atoms.atom(k);
  }

  /** {@code 1 / n}. */
  @Override
  public double probability(int k) {
    return atoms.probability(k);
  }

  /** The values in ascending order (a copy). */
  public double[] values() {
    return atoms.atoms();
  }

  /** {@code F(x) = #{k : theta_k <= x} / n}. */
  @Override
  public double cdf(double x) {
    return atoms.cdf(x);
  }

  /**
   * {@code inf {x : F(x) >= p}} = the {@code ceil(n p)}-th smallest value, {@code 0 < p <= 1} (so the midpoint
   * {@code tau_k} gives back the {@code k}-th smallest).
   */
  @Override
  public double quantile(double p) {
    if (!(p > 0 && p <= 1)) {
      throw new IllegalArgumentException("QuantileAtoms.quantile: p = " + p + " is invalid; expected 0 < p <= 1");
    }
    return atoms.quantile(p);
  }

  /** One of the values, each with probability {@code 1/n} ({@code random.nextInt(n)}). */
  @Override
  public double sample(RandomGenerator random) {
    return atoms.atom(random.nextInt(atoms.size()));
  }

  /** {@code sum_k theta_k / n}. */
  @Override
  public double mean() {
    return atoms.mean();
  }

  /** {@code sum_k (theta_k - mean)^2 / n} (the population variance of the atoms). */
  @Override
  public double variance() {
    return atoms.variance();
  }

  /**
   * {@code CRPS(F, y) = mean_k |theta_k - y| - mean_{k,l} |theta_k - theta_l| / 2}, computed exactly as
   * {@code integral (F(x) - 1{x >= y})^2 dx} over the gaps between sorted values (every term non-negative), O(n) per
   * call after the O(n log n) sort at construction.
   */
  @Override
  public double crps(double y) {
    return atoms.crps("QuantileAtoms", y);
  }

  @Override
  public String toString() {
    return atoms.describe("QuantileAtoms");
  }
}
