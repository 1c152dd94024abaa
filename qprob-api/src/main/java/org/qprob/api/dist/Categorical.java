package org.qprob.api.dist;

import java.util.random.RandomGenerator;

/**
 * A categorical distribution on a support: {@code P(X = z_k) = p_k} — the prediction of a C51 head, whose support is
 * {@code atoms} equally spaced values from {@code v_min} to {@code v_max} and whose probabilities are the softmax of
 * one action's logits ({@link #ofLogits}). The support may be any finite values, unsorted or repeated; they are kept
 * sorted with their probabilities.
 */
public final class Categorical implements DiscreteDistribution {
  /** How far the given probabilities may sum from 1 (float softmax outputs stay well within it). */
  public static final double SUM_TOLERANCE = 1e-6;

  private final SortedAtoms atoms;

  /**
   * @param support the atoms {@code z_k}, finite, at least one (copied)
   * @param probabilities {@code p_k}, finite and {@code >= 0}, one per atom, summing to 1 within
   *     {@link #SUM_TOLERANCE}; they are divided by their sum (copied)
   */
  public Categorical(double[] support, double[] probabilities) {
    checkSupport(support);
    if (probabilities == null || probabilities.length != support.length) {
      throw new IllegalArgumentException("Categorical: probabilities has "
          + (probabilities == null ? "no" : String.valueOf(probabilities.length)) + " entries; expected "
          + support.length + ", one per atom");
    }
    double total = 0;
    for (int k = 0; k < probabilities.length; k++) {
      if (!(probabilities[k] >= 0) || !Double.isFinite(probabilities[k])) {
        throw new IllegalArgumentException("Categorical: probabilities[" + k + "] = " + probabilities[k]
            + " is invalid; expected a finite number >= 0");
      }
      total += probabilities[k];
    }
    if (!(Math.abs(total - 1) <= SUM_TOLERANCE)) {
      throw new IllegalArgumentException("Categorical: probabilities sum to " + total + "; expected 1 (within "
          + SUM_TOLERANCE + ")");
    }
    this.atoms = SortedAtoms.of(support, probabilities);
  }

  /**
   * The categorical with {@code p = softmax(logits)}, {@code p_k = exp(l_k - max l) / sum_j exp(l_j - max l)}.
   *
   * @param logits finite, one per atom
   */
  public static Categorical ofLogits(double[] support, double[] logits) {
    checkSupport(support);
    if (logits == null || logits.length != support.length) {
      throw new IllegalArgumentException("Categorical.ofLogits: logits has "
          + (logits == null ? "no" : String.valueOf(logits.length)) + " entries; expected " + support.length
          + ", one per atom");
    }
    double top = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < logits.length; k++) {
      if (!Double.isFinite(logits[k])) {
        throw new IllegalArgumentException("Categorical.ofLogits: logits[" + k + "] = " + logits[k]
            + " is invalid; expected a finite number");
      }
      top = Math.max(top, logits[k]);
    }
    double[] p = new double[logits.length];
    double sum = 0;
    for (int k = 0; k < logits.length; k++) {
      p[k] = Math.exp(logits[k] - top);
      sum += p[k];
    }
    for (int k = 0; k < p.length; k++) {
      p[k] /= sum;
    }
    return new Categorical(support, p);
  }

  private static void checkSupport(double[] support) {
    if (support == null || support.length == 0) {
      throw new IllegalArgumentException("Categorical: support is empty; expected at least one atom");
    }
    for (int k = 0; k < support.length; k++) {
      if (!Double.isFinite(support[k])) {
        throw new IllegalArgumentException("Categorical: support[" + k + "] = " + support[k]
            + " is invalid; expected a finite number");
      }
    }
  }

  @Override
  public int size() {
    return atoms.size();
  }

  @Override
  public double atom(int k) {
    return atoms.atom(k);
  }

  @Override
  public double probability(int k) {
    return atoms.probability(k);
  }

  /** The atoms in ascending order (a copy). */
  public double[] support() {
    return atoms.atoms();
  }

  /** Their probabilities, in the order of {@link #support()} (a copy). */
  public double[] probabilities() {
    return atoms.probabilities();
  }

  /** {@code F(x) = sum_{z_k <= x} p_k}. */
  @Override
  public double cdf(double x) {
    return atoms.cdf(x);
  }

  /**
   * {@code inf {x : F(x) >= p}}: the smallest atom whose cumulative probability reaches {@code p}, for
   * {@code 0 < p <= 1}.
   */
  @Override
  public double quantile(double p) {
    if (!(p > 0 && p <= 1)) {
      throw new IllegalArgumentException("Categorical.quantile: p = " + p + " is invalid; expected 0 < p <= 1");
    }
    return atoms.quantile(p);
  }

  /** Inverse-transform sampling from one uniform draw in {@code [0, 1)}; atoms of probability 0 are never drawn. */
  @Override
  public double sample(RandomGenerator random) {
    return atoms.sample(random);
  }

  /** {@code sum_k p_k z_k}. */
  @Override
  public double mean() {
    return atoms.mean();
  }

  /** {@code sum_k p_k (z_k - mean)^2}. */
  @Override
  public double variance() {
    return atoms.variance();
  }

  /**
   * {@code CRPS(F, y) = E|X - y| - E|X - X'| / 2}, computed exactly as {@code integral (F(x) - 1{x >= y})^2 dx} over
   * the gaps between sorted atoms (every term non-negative), O(n) per call.
   */
  @Override
  public double crps(double y) {
    return atoms.crps("Categorical", y);
  }

  @Override
  public String toString() {
    return atoms.describe("Categorical");
  }
}
