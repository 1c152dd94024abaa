package org.qprob.losses;

import org.qprob.api.dist.Categorical;
import org.qprob.api.dist.Distribution;
import org.qprob.api.loss.OutputModel;

/**
 * C51's head: for each action a row of {@code atoms} logits, action {@code a}'s at {@code a * atoms}; its return is
 * predicted as {@code P(Z = z_i) = softmax(logits)_i} on the support {@code z_i} of the projection, and its expected
 * value is {@code sum_i z_i softmax(logits)_i}.
 */
public final class CategoricalHead implements OutputModel {
  private final int actions;
  private final CategoricalProjection projection;
  private final double[] support;
  /** The gap between the two best approximate expected values above which their order is the exact one's. */
  private final double selectionTolerance;

  /** The smallest argument {@link #fastExp} takes: {@code exp(-50) < 2e-22}, nothing beside {@code exp(0) = 1}. */
  static final double EXP_FLOOR = -50;
  /** A bound on the relative error of {@link #fastExp} on {@code [EXP_FLOOR, 0]} (measured: under 1e-13). */
  static final double FAST_EXP_ERROR = 1e-11;
  private static final double UNIT_ROUNDOFF = 0x1p-53;

  /** @param actions {@code >= 1} */
  public CategoricalHead(int actions, CategoricalProjection projection) {
    if (actions < 1) {
      throw new IllegalArgumentException("actions = " + actions + " is invalid; expected >= 1");
    }
    this.actions = actions;
    this.projection = projection;
    this.support = projection.support();
    this.selectionTolerance = selectionTolerance(projection);
  }

  /**
   * Twice the largest difference between an expected value computed by {@link #greedyAction}'s fast path and by
   * {@link #expectedValues}, bounded by its parts: with every weight {@code e_i} off by a relative {@code delta}
   * ({@link #FAST_EXP_ERROR} here, 1 ulp for {@code Math.exp}) and by at most {@code exp(EXP_FLOOR)} where the floor
   * applies, the ratio {@code sum e_i z_i / sum e_i} (whose denominator is at least {@code exp(0) = 1}) moves by at
   * most {@code (delta / (1 - delta) + n exp(EXP_FLOOR)) (v_max - v_min)}; the rounding of the two sums and the
   * division adds at most {@code (2n + 1) u max|z|} to each side. The bound is doubled again for margin.
   */
  private static double selectionTolerance(CategoricalProjection projection) {
    int n = projection.atoms();
    double range = projection.vMax() - projection.vMin();
    double largest = Math.max(Math.abs(projection.vMin()), Math.abs(projection.vMax()));
    double weights = (FAST_EXP_ERROR / (1 - FAST_EXP_ERROR) + 2 * UNIT_ROUNDOFF) * 1.01 * range
        + n * Math.exp(EXP_FLOOR) * range;
    double rounding = 2 * (2 * n + 1) * UNIT_ROUNDOFF * 1.01 * largest;
    return 4 * (weights + rounding);
  }

  @Override
  public int actions() {
    return actions;
  }

  @Override
  public int width() {
    return actions * projection.atoms();
  }

  /** None: logits are not locations. */
  @Override
  public int locationOutputs() {
    return 0;
  }

  @Override
  public void expectedValues(double[] row, int offset, double[] q) {
    int atoms = projection.atoms();
    for (int a = 0; a < actions; a++) {
      int at = offset + a * atoms;
      double max = max(row, at, atoms);
      double sum = 0;
      double weighted = 0;
      for (int i = 0; i < atoms; i++) {
        double e = Math.exp(row[at + i] - max);
        sum += e;
        weighted += e * support[i];
      }
      q[a] = weighted / sum;
    }
  }

  /**
   * The largest of {@code row[at .. at + atoms)} (NaN if one is NaN), the same number whatever the order of the
   * comparisons: four interleaved running maxima, since one chain of {@code Math.max} waits on each comparison.
   */
  static double max(double[] row, int at, int atoms) {
    double m0 = Double.NEGATIVE_INFINITY;
    double m1 = Double.NEGATIVE_INFINITY;
    double m2 = Double.NEGATIVE_INFINITY;
    double m3 = Double.NEGATIVE_INFINITY;
    int i = 0;
    for (; i + 3 < atoms; i += 4) {
      m0 = Math.max(m0, row[at + i]);
      m1 = Math.max(m1, row[at + i + 1]);
      m2 = Math.max(m2, row[at + i + 2]);
      m3 = Math.max(m3, row[at + i + 3]);
    }
    for (; i < atoms; i++) {
      m0 = Math.max(m0, row[at + i]);
    }
    return Math.max(Math.max(m0, m1), Math.max(m2, m3));
  }

  /**
   * The action {@link OutputModel#greedyAction} gives, from approximate expected values: every weight
   * {@code exp(logit - max)} by {@link #fastExp} (a loop the JIT vectorises, where {@code Math.exp} is a call per atom),
   * and the exact computation only when the two best approximate values are within {@link #selectionTolerance} of
   * each other (or a logit is not finite), so the result is always the exact argmax's.
   */
  @Override
  public int greedyAction(double[] row, int offset) {
    if (actions == 1) {
      return 0;
    }
    int atoms = projection.atoms();
    int width = actions * atoms;
    double[] e = new double[width];
    for (int a = 0; a < actions; a++) {
      int at = offset + a * atoms;
      double max = max(row, at, atoms);
      if (!Double.isFinite(max)) {
        return OutputModel.super.greedyAction(row, offset);
      }
      int from = a * atoms;
      for (int i = 0; i < atoms; i++) {
        double x = row[at + i] - max; // no NaN here: the row's largest value is finite
        e[from + i] = x < EXP_FLOOR ? EXP_FLOOR : x;
      }
    }
    fastExp(e, width);
    int best = 0;
    double bestValue = Double.NEGATIVE_INFINITY;
    double second = Double.NEGATIVE_INFINITY;
    for (int a = 0; a < actions; a++) {
      double q = ratio(e, a * atoms, atoms);
      if (q > bestValue) {
        second = bestValue;
        bestValue = q;
        best = a;
      } else if (q > second) {
        second = q;
      }
    }
    if (!(bestValue - second > selectionTolerance)) {
      return OutputModel.super.greedyAction(row, offset);
    }
    return best;
  }

  /**
   * {@code sum_i e[from + i] z_i / sum_i e[from + i]}, each sum over four interleaved partial sums (a shorter chain of
   * dependent additions than one running sum; its rounding is within the bound {@link #selectionTolerance} allows
   * for any order of the additions).
   */
  private double ratio(double[] e, int from, int atoms) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double w0 = 0;
    double w1 = 0;
    double w2 = 0;
    double w3 = 0;
    int i = 0;
    for (; i + 3 < atoms; i += 4) {
      double e0 = e[from + i];
      double e1 = e[from + i + 1];
      double e2 = e[from + i + 2];
      double e3 = e[from + i + 3];
      s0 += e0;
      s1 += e1;
      s2 += e2;
      s3 += e3;
      w0 += e0 * support[i];
      w1 += e1 * support[i + 1];
      w2 += e2 * support[i + 2];
      w3 += e3 * support[i + 3];
    }
    for (; i < atoms; i++) {
      s0 += e[from + i];
      w0 += e[from + i] * support[i];
    }
    return ((w0 + w1) + (w2 + w3)) / ((s0 + s1) + (s2 + s3));
  }

  /**
   * {@code x[k] = exp(x[k])} for {@code x[k]} in {@code [EXP_FLOOR, 0]}, within a relative {@link #FAST_EXP_ERROR}:
   * the Taylor polynomial of degree 10 at {@code y = x / 256} (at most 0.2 in magnitude: remainder under 5e-16),
   * evaluated by Estrin's scheme (a shorter chain of dependent operations than Horner's), squared eight times (which
   * multiplies its relative error by 256). Only multiplications and additions, and no call, so that the JIT
   * vectorises the loop; {@code exp(0)} is exactly 1.
   */
  static void fastExp(double[] x, int n) {
    for (int k = 0; k < n; k++) {
      double y = x[k] * 0x1p-8;
      double y2 = y * y;
      double y4 = y2 * y2;
      double y8 = y4 * y4;
      double c01 = 1 + y;
      double c23 = 1.0 / 2 + y * (1.0 / 6);
      double c45 = 1.0 / 24 + y * (1.0 / 120);
      double c67 = 1.0 / 720 + y * (1.0 / 5040);
      double c89 = 1.0 / 40320 + y * (1.0 / 362880);
      double c03 = c01 + y2 * c23;
      double c47 = c45 + y2 * c67;
      double c810 = c89 + y2 * (1.0 / 3628800);
      double p = (c03 + y4 * c47) + y8 * c810;
      p *= p;
      p *= p;
      p *= p;
      p *= p;
      p *= p;
      p *= p;
      p *= p;
      p *= p;
      x[k] = p;
    }
  }

  @Override
  public boolean distributional() {
    return true;
  }

  @Override
  public Distribution distribution(double[] row, int offset, int a) {
    int atoms = projection.atoms();
    double[] logits = new double[atoms];
    System.arraycopy(row, offset + a * atoms, logits, 0, atoms);
    return Categorical.ofLogits(support, logits);
  }

  @Override
  public String toString() {
    return "categorical head (" + actions + " actions x " + projection.atoms() + " atoms on [" + projection.vMin() + ", "
        + projection.vMax() + "])";
  }
}
