package org.qprob.losses;

import java.util.Arrays;

/**
 * C51's projection of a distributional Bellman target onto a fixed support: {@code atoms} equally spaced values
 * {@code z_i = v_min + i * dz}, {@code dz = (v_max - v_min) / (atoms - 1)}. The target {@code reward + discount * Z'},
 * with {@code Z'} on the same support with probabilities {@code p_j}, puts mass {@code p_j} at
 * {@code Tz_j = reward + discount * z_j}; each such mass is clamped to {@code [v_min, v_max]} and split between its two
 * neighbouring atoms in proportion to its closeness:
 *
 * <pre>m_i = sum_j clamp(1 - |clamp(Tz_j, v_min, v_max) - z_i| / dz, 0, 1) * p_j</pre>
 *
 * <p>It is computed with the floor/ceil algorithm, O(atoms) per row: {@code b_j = (clamp(Tz_j) - v_min) / dz} clamped
 * to {@code [0, atoms - 1]} (so a return outside the support, or rounding that lands {@code b} a hair past the last
 * atom or below the first, goes to the end atom), {@code l = min(floor(b), atoms - 2)}, {@code u = l + 1}, and
 * {@code m_l += p_j (u - b)}, {@code m_u += p_j (b - l)}. Taking {@code u = l + 1} rather than {@code ceil(b)} means a
 * {@code b} exactly on an atom puts all its mass there (the textbook {@code l == u} case that would otherwise lose it).
 *
 * <p>The projection is linear in {@code p}, {@code m = W p} with {@code W} depending on {@code reward} and
 * {@code discount} only; {@link #vectorJacobianProduct} gives {@code W^T g}, the gradient of any function of {@code m}
 * with respect to {@code p}. Pass {@code discount = 0} at terminal rows ({@code Tz_j = reward} for every {@code j}),
 * {@code gamma} or {@code gamma^n} otherwise; {@code discount = 1} is allowed.
 */
public final class CategoricalProjection {
  private final int atoms;
  private final double vMin;
  private final double vMax;
  private final double spacing;
  /** {@code z_i}, as {@link #atom} gives them. */
  private final double[] atomValues;

  /**
   * @param atoms the number of support atoms, {@code >= 2}
   * @param vMin the smallest atom, finite
   * @param vMax the largest atom, finite, {@code > vMin} (with {@code v_max - v_min} finite)
   */
  public CategoricalProjection(int atoms, double vMin, double vMax) {
    if (atoms < 2) {
      throw new IllegalArgumentException("CategoricalProjection: atoms = " + atoms + " is invalid; expected >= 2");
    }
    if (!Double.isFinite(vMin)) {
      throw new IllegalArgumentException("CategoricalProjection: v_min = " + vMin
          + " is invalid; expected a finite number");
    }
    if (!Double.isFinite(vMax) || !(vMax > vMin) || !Double.isFinite(vMax - vMin)) {
      throw new IllegalArgumentException("CategoricalProjection: v_max = " + vMax
          + " is invalid; expected a finite number > v_min = " + vMin);
    }
    this.atoms = atoms;
    this.vMin = vMin;
    this.vMax = vMax;
    this.spacing = (vMax - vMin) / (atoms - 1);
    this.atomValues = new double[atoms];
    for (int i = 0; i < atoms; i++) {
      atomValues[i] = atom(i);
    }
  }

  /** The number of support atoms. */
  public int atoms() {
    return atoms;
  }

  /** The smallest atom {@code z_0}. */
  public double vMin() {
    return vMin;
  }

  /** The largest atom {@code z_(atoms-1)}. */
  public double vMax() {
    return vMax;
  }

  /** {@code dz = (v_max - v_min) / (atoms - 1)}. */
  public double spacing() {
    return spacing;
  }

  /** {@code z_i = v_min + i * dz} ({@code v_max} exactly for the last). */
  public double atom(int i) {
    if (i < 0 || i >= atoms) {
      throw new IllegalArgumentException("CategoricalProjection: atom " + i + " is invalid; expected 0 <= i < "
          + atoms);
    }
    return i == atoms - 1 ? vMax : vMin + i * spacing;
  }

  /** Every {@code z_i}, a new array. */
  public double[] support() {
    return atomValues.clone();
  }

  /**
   * Where the target's atoms land for one transition: {@code b_j} and {@code l_j} of the class comment, for every
   * {@code j}. Work space, filled by {@link #locate}, read by {@link #project(double[], int, Positions, double[], int)}
   * and {@link #vectorJacobianProduct(Positions, double[], int, double[], int)}; one per thread.
   */
  static final class Positions {
    final double[] b;
    final int[] lower;

    Positions(int atoms) {
      b = new double[atoms];
      lower = new int[atoms];
    }
  }

  /** Work space for this support's {@link #locate}. */
  Positions positions() {
    return new Positions(atoms);
  }

  /**
   * Fills {@code at} with the positions of {@code Tz_j = reward + discount * z_j}. Two passes (the positions, then
   * their lower atoms), each free of dependencies between iterations: a single loop that converted {@code j} to a
   * double and scattered into the target as it went ran about three times slower.
   */
  void locate(double reward, double discount, Positions at) {
    checkTransition(reward, discount);
    double[] b = at.b;
    int[] lower = at.lower;
    for (int j = 0; j < atoms; j++) {
      b[j] = position(reward + discount * atomValues[j]);
    }
    for (int j = 0; j < atoms; j++) {
      lower[j] = lower(b[j]);
    }
  }

  /** {@link #project(double[], int, double, double, double[], int)} at the positions {@link #locate} found. */
  void project(double[] next, int nextOffset, Positions at, double[] target, int targetOffset) {
    double[] b = at.b;
    int[] lower = at.lower;
    Arrays.fill(target, targetOffset, targetOffset + atoms, 0);
    for (int j = 0; j < atoms; j++) {
      int l = lower[j];
      double p = next[nextOffset + j];
      target[targetOffset + l] += p * (l + 1 - b[j]);
      target[targetOffset + l + 1] += p * (b[j] - l);
    }
  }

  /**
   * {@link #vectorJacobianProduct(double, double, double[], int, double[], int)} at the positions {@link #locate}
   * found.
   */
  void vectorJacobianProduct(Positions at, double[] dTarget, int dTargetOffset, double[] dNext, int dNextOffset) {
    double[] b = at.b;
    int[] lower = at.lower;
    for (int j = 0; j < atoms; j++) {
      int l = lower[j];
      dNext[dNextOffset + j] = dTarget[dTargetOffset + l] * (l + 1 - b[j]) + dTarget[dTargetOffset + l + 1] * (b[j] - l);
    }
  }

  /**
   * Writes {@code m_i = sum_j clamp(1 - |clamp(reward + discount * z_j) - z_i| / dz, 0, 1) * p_j} into
   * {@code target[targetOffset .. targetOffset + atoms)} (overwriting it).
   *
   * @param next the next-state probabilities {@code p_j} at {@code next[nextOffset .. nextOffset + atoms)}
   * @param reward finite
   * @param discount finite, {@code >= 0}: 0 at terminal rows, {@code gamma^n} otherwise
   */
  public void project(double[] next, int nextOffset, double reward, double discount, double[] target,
      int targetOffset) {
    Positions at = positions();
    locate(reward, discount, at);
    project(next, nextOffset, at, target, targetOffset);
  }

  /**
   * Writes the projection of a point mass at {@code value}, {@code m_i = clamp(1 - |clamp(value) - z_i| / dz, 0, 1)}
   * (what {@link #project} gives at {@code discount = 0}, a terminal row, for any {@code p} summing to 1), into
   * {@code target[targetOffset .. targetOffset + atoms)} (overwriting it).
   *
   * @param value finite
   */
  public void projectPoint(double value, double[] target, int targetOffset) {
    checkTransition(value, 0);
    Arrays.fill(target, targetOffset, targetOffset + atoms, 0);
    double b = position(value);
    int l = lower(b);
    target[targetOffset + l] = l + 1 - b;
    target[targetOffset + l + 1] = b - l;
  }

  /** {@link #project} into a new array, for the whole of {@code next} ({@code atoms} entries). */
  public double[] project(double[] next, double reward, double discount) {
    checkRow("next", next);
    double[] m = new double[atoms];
    project(next, 0, reward, discount, m, 0);
    return m;
  }

  /**
   * The vector-Jacobian product of the projection: for {@code g = dL/dm} at
   * {@code dTarget[dTargetOffset .. + atoms)}, writes {@code dL/dp_j = sum_i g_i W_ij = g_l (u - b_j) + g_u (b_j - l)}
   * into {@code dNext[dNextOffset .. + atoms)} (overwriting it). At {@code discount = 0} every {@code Tz_j} is
   * {@code reward}, so every {@code dL/dp_j} is the same number.
   */
  public void vectorJacobianProduct(double reward, double discount, double[] dTarget, int dTargetOffset,
      double[] dNext, int dNextOffset) {
    Positions at = positions();
    locate(reward, discount, at);
    vectorJacobianProduct(at, dTarget, dTargetOffset, dNext, dNextOffset);
  }

  /** {@code b = (clamp(tz, v_min, v_max) - v_min) / dz}, clamped to {@code [0, atoms - 1]} against rounding. */
  private double position(double tz) {
    double b = (Math.min(Math.max(tz, vMin), vMax) - vMin) / spacing;
    return Math.min(Math.max(b, 0), atoms - 1);
  }

  /** {@code l = min(floor(b), atoms - 2)}, so that {@code u = l + 1} is an atom and {@code b - l} lies in [0, 1]. */
  private int lower(double b) {
    return Math.min((int) b, atoms - 2);
  }

  private static void checkTransition(double reward, double discount) {
    if (!Double.isFinite(reward)) {
      throw new IllegalArgumentException("CategoricalProjection: reward = " + reward
          + " is invalid; expected a finite number");
    }
    if (!(discount >= 0) || !Double.isFinite(discount)) {
      throw new IllegalArgumentException("CategoricalProjection: discount = " + discount
          + " is invalid; expected a finite number >= 0 (0 at terminal rows)");
    }
  }

  void checkRow(String field, double[] row) {
    if (row == null || row.length != atoms) {
      throw new IllegalArgumentException("CategoricalProjection: " + field + " has "
          + (row == null ? "no" : String.valueOf(row.length)) + " entries; expected atoms = " + atoms);
    }
  }

  @Override
  public String toString() {
    return "CategoricalProjection[atoms=" + atoms + ", v_min=" + vMin + ", v_max=" + vMax + "]";
  }
}
