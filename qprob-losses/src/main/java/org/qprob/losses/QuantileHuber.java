package org.qprob.losses;

import java.util.Arrays;

/**
 * QR-DQN's loss for one sample: {@code N} predicted quantiles {@code theta_i} at the midpoints
 * {@code tau_i = (2i + 1) / (2N)}, {@code M} target samples {@code T_j = reward + discount * next_theta_j}
 * ({@code reward} alone at terminal rows, {@code discount = 0}), {@code u_ij = T_j - theta_i}, and
 *
 * <pre>L = sum_i mean_j |tau_i - 1{u_ij < 0}| * H(u_ij) / kappa
 * H(u) = u^2 / 2 if |u| <= kappa, else kappa (|u| - kappa / 2)</pre>
 *
 * with gradients, {@code rho'(u) = |tau_i - 1{u < 0}| * H'(u) / kappa}, {@code H'(u) = clamp(u, -kappa, kappa)}:
 *
 * <pre>dL/dtheta_i      = -mean_j rho'(u_ij)
 * dL/dnext_theta_j = discount * sum_i rho'(u_ij) / M</pre>
 *
 * <p>Smoothness: for {@code kappa > 0}, {@code H} is continuously differentiable ({@code H'} is continuous at
 * {@code |u| = kappa}, where the quadratic branch is taken), and the jump of the weight {@code |tau - 1{u < 0}|} at
 * {@code u = 0} multiplies {@code H'(0) = 0}, so {@code L} has an ordinary gradient everywhere and no subgradient
 * choice is needed: at {@code u == 0} exactly, {@code 1{0 < 0} = 0} and the term contributes 0.
 *
 * <p>{@code kappa = 0} is accepted and means the limit {@code H(u) / kappa -> |u|}: the pure quantile (pinball) loss
 * {@code |tau - 1{u < 0}| * |u|}, QR-DQN's "kappa = 0" variant. It is not differentiable at {@code u = 0}; there the
 * subgradient 0 (inside {@code [tau - 1, tau]}) is used.
 *
 * <p>Gradients are those of each sample's own {@code L}, not of a batch mean. Rows are consecutive doubles of flat
 * arrays; quantile values need not be sorted (each keeps its own {@code tau_i}).
 */
public final class QuantileHuber {
  private final int quantiles;
  private final double kappa;
  /** Up to this ratio of the largest |theta| or |target| to kappa the clamp by absolute values is used. */
  private static final double EXACT_CLAMP_RATIO = 0x1p25;
  /** {@code tau_i - 1/2}. */
  private final double[] tilt;

  /**
   * @param quantiles the number {@code N} of predicted quantiles, {@code >= 1}
   * @param kappa the Huber threshold, finite and {@code >= 0} (0: the pure quantile loss)
   */
  public QuantileHuber(int quantiles, double kappa) {
    if (quantiles < 1) {
      throw new IllegalArgumentException("QuantileHuber: quantiles = " + quantiles + " is invalid; expected >= 1");
    }
    if (!(kappa >= 0) || !Double.isFinite(kappa)) {
      throw new IllegalArgumentException("QuantileHuber: kappa = " + kappa
          + " is invalid; expected a finite number >= 0 (0 for the pure quantile loss)");
    }
    this.quantiles = quantiles;
    this.kappa = kappa;
    this.tilt = new double[quantiles];
    for (int i = 0; i < quantiles; i++) {
      tilt[i] = (2 * i + 1) / (2.0 * quantiles) - 0.5;
    }
  }

  /** {@code N}. */
  public int quantiles() {
    return quantiles;
  }

  public double kappa() {
    return kappa;
  }

  /** {@code tau_i = (2i + 1) / (2N)}. */
  public double tau(int i) {
    if (i < 0 || i >= quantiles) {
      throw new IllegalArgumentException("QuantileHuber: quantile " + i + " is invalid; expected 0 <= i < "
          + quantiles);
    }
    return (2 * i + 1) / (2.0 * quantiles);
  }

  /** {@code rho(u) = |tau - 1{u < 0}| * H(u) / kappa} (with {@code H(u) / kappa = |u|} at {@code kappa = 0}). */
  public double value(double tau, double u) {
    double weight = u < 0 ? 1 - tau : tau;
    double a = Math.abs(u);
    if (kappa == 0) {
      return weight * a;
    }
    return weight * (a <= kappa ? 0.5 * u * u / kappa : a - 0.5 * kappa);
  }

  /** {@code rho'(u) = |tau - 1{u < 0}| * clamp(u, -kappa, kappa) / kappa} (sign(u), 0 at 0, for {@code kappa = 0}). */
  public double derivative(double tau, double u) {
    double weight = u < 0 ? 1 - tau : tau;
    if (kappa == 0) {
      return u == 0 ? 0 : Math.copySign(weight, u);
    }
    return weight * Math.min(Math.max(u, -kappa), kappa) / kappa;
  }

  /**
   * {@code L} of one sample, writing {@code dL/dtheta} into {@code dTheta[dThetaOffset .. + N)} and, when
   * {@code dNextTheta} is not null, {@code dL/dnext_theta} into {@code dNextTheta[dNextOffset .. + targets)} (both
   * overwritten; null for a gradient that is not wanted).
   *
   * @param theta the predicted quantile values at {@code theta[thetaOffset .. + N)}
   * @param nextTheta the next-state quantile values at {@code nextTheta[nextOffset .. + targets)}
   * @param targets {@code M >= 1}
   * @param reward finite
   * @param discount finite, {@code >= 0}: 0 at terminal rows (then {@code nextTheta} is not read and its gradient is
   *     0), {@code gamma^n} otherwise
   */
  public double valueAndGradient(double[] theta, int thetaOffset, double[] nextTheta, int nextOffset, int targets,
      double reward, double discount, double[] dTheta, int dThetaOffset, double[] dNextTheta, int dNextOffset) {
    checkTargets(targets);
    checkSample(reward, discount);
    boolean terminal = discount == 0;
    double[] target = new double[targets];
    double reach = 0;
    for (int j = 0; j < targets; j++) {
      target[j] = terminal ? reward : reward + discount * nextTheta[nextOffset + j];
      reach = Math.max(reach, Math.abs(target[j]));
    }
    double scale = 1.0 / (targets * (kappa == 0 ? 1 : kappa));
    double[] predicted = Arrays.copyOfRange(theta, thetaOffset, thetaOffset + quantiles);
    for (double t : predicted) {
      reach = Math.max(reach, Math.abs(t));
    }
    boolean exact = !(reach <= kappa * EXACT_CLAMP_RATIO);
    double[] sum = new double[quantiles];
    double[] slope = new double[quantiles];
    if (kappa == 0) {
      pinballByQuantile(predicted, target, sum, slope);
    } else {
      huberByQuantile(predicted, target, sum, slope, exact);
    }
    double value = 0;
    for (int i = 0; i < quantiles; i++) {
      value += sum[i];
      if (dTheta != null) {
        dTheta[dThetaOffset + i] = -slope[i] * scale;
      }
    }
    if (dNextTheta != null) {
      if (terminal) {
        Arrays.fill(dNextTheta, dNextOffset, dNextOffset + targets, 0);
      } else {
        double[] next = new double[targets];
        if (kappa == 0) {
          pinballByTarget(predicted, target, next);
        } else {
          huberByTarget(predicted, target, next, exact);
        }
        double nextScale = discount * scale;
        for (int j = 0; j < targets; j++) {
          dNextTheta[dNextOffset + j] = next[j] * nextScale;
        }
      }
    }
    return value * scale;
  }

  private static void checkTargets(int targets) {
    if (targets < 1) {
      throw new IllegalArgumentException("QuantileHuber: targets = " + targets + " is invalid; expected >= 1");
    }
  }

  private static void checkSample(double reward, double discount) {
    if (!Double.isFinite(reward)) {
      throw new IllegalArgumentException("QuantileHuber: reward = " + reward + " is invalid; expected a finite number");
    }
    if (!(discount >= 0) || !Double.isFinite(discount)) {
      throw new IllegalArgumentException("QuantileHuber: discount = " + discount
          + " is invalid; expected a finite number >= 0 (0 at terminal rows)");
    }
  }

  /** Samples whose pairs one pass of the batch kernels covers: 8 x 50 quantiles keep its arrays in L1. */
  private static final int BLOCK = 8;

  /**
   * {@link #valueAndGradient} of each of {@code n = reward.length} samples, sample {@code s}'s quantiles at
   * {@code theta[thetaAt[s] .. + N)} (its gradient written at the same offsets of {@code dTheta}) and its next-state
   * values at {@code nextTheta[nextAt[s] .. + targets)} (likewise into {@code dNextTheta} when not null), with the
   * same values bit for bit. The pairs of {@value #BLOCK} samples go through one loop at a time, so that the loop
   * runs over {@code 8 N} pairs rather than {@code N}: with 50 quantiles the per-sample loop spends much of its time
   * outside its vectorised body. Each sum still adds its terms in the per-sample order (targets in order for a
   * quantile, quantiles in order for a target); samples that need the exact clamp, and the pinball loss, take the
   * per-sample path.
   *
   * @return the {@code n} values
   */
  public double[] valuesAndGradients(double[] theta, int[] thetaAt, double[] nextTheta, int[] nextAt, int targets,
      double[] reward, double[] discount, double[] dTheta, double[] dNextTheta) {
    checkTargets(targets);
    int n = reward.length;
    double[] value = new double[n];
    if (kappa == 0) {
      for (int s = 0; s < n; s++) {
        value[s] = valueAndGradient(theta, thetaAt[s], nextTheta, nextAt[s], targets, reward[s], discount[s], dTheta,
            thetaAt[s], dNextTheta, nextAt[s]);
      }
      return value;
    }
    int q = quantiles;
    int m = targets;
    double k = kappa;
    double scale = 1.0 / (targets * kappa);
    double[] predicted = new double[BLOCK * q];
    double[] tilts = new double[BLOCK * q];
    double[] broadcast = new double[BLOCK * q];
    double[] sum = new double[BLOCK * q];
    double[] slope = new double[BLOCK * q];
    double[] target = new double[BLOCK * m];
    double[] spread = new double[BLOCK * m];
    double[] next = new double[BLOCK * m];
    boolean[] exact = new boolean[BLOCK];
    for (int b = 0; b < BLOCK; b++) {
      System.arraycopy(tilt, 0, tilts, b * q, q);
    }
    for (int first = 0; first < n; first += BLOCK) {
      int rows = Math.min(BLOCK, n - first);
      int pairs = rows * q;
      boolean anyExact = false;
      for (int b = 0; b < rows; b++) {
        int s = first + b;
        checkSample(reward[s], discount[s]);
        boolean terminal = discount[s] == 0;
        double reach = 0;
        for (int j = 0; j < m; j++) {
          double t = terminal ? reward[s] : reward[s] + discount[s] * nextTheta[nextAt[s] + j];
          target[b * m + j] = t;
          reach = Math.max(reach, Math.abs(t));
        }
        System.arraycopy(theta, thetaAt[s], predicted, b * q, q);
        for (int i = 0; i < q; i++) {
          reach = Math.max(reach, Math.abs(predicted[b * q + i]));
        }
        exact[b] = !(reach <= kappa * EXACT_CLAMP_RATIO);
        anyExact |= exact[b];
      }
      Arrays.fill(sum, 0, pairs, 0);
      Arrays.fill(slope, 0, pairs, 0);
      for (int j = 0; j < m; j++) {
        for (int b = 0; b < rows; b++) {
          Arrays.fill(broadcast, b * q, (b + 1) * q, target[b * m + j]);
        }
        for (int e = 0; e < pairs; e++) {
          double u = broadcast[e] - predicted[e];
          double c = 0.5 * (Math.abs(u + k) - Math.abs(u - k));
          double d = 0.5 * c + tilts[e] * Math.abs(c);
          sum[e] += (u - 0.5 * c) * d;
          slope[e] += d;
        }
      }
      if (anyExact) {
        for (int b = 0; b < rows; b++) {
          if (exact[b]) {
            double[] own = Arrays.copyOfRange(predicted, b * q, (b + 1) * q);
            double[] ownSum = new double[q];
            double[] ownSlope = new double[q];
            huberByQuantile(own, Arrays.copyOfRange(target, b * m, (b + 1) * m), ownSum, ownSlope, true);
            System.arraycopy(ownSum, 0, sum, b * q, q);
            System.arraycopy(ownSlope, 0, slope, b * q, q);
          }
        }
      }
      for (int b = 0; b < rows; b++) {
        int s = first + b;
        double total = 0;
        for (int i = 0; i < q; i++) {
          total += sum[b * q + i];
          dTheta[thetaAt[s] + i] = -slope[b * q + i] * scale;
        }
        value[s] = total * scale;
      }
      if (dNextTheta != null) {
        int cells = rows * m;
        Arrays.fill(next, 0, cells, 0);
        for (int i = 0; i < q; i++) {
          for (int b = 0; b < rows; b++) {
            Arrays.fill(spread, b * m, (b + 1) * m, predicted[b * q + i]);
          }
          double w = tilt[i];
          for (int e = 0; e < cells; e++) {
            double u = target[e] - spread[e];
            double c = 0.5 * (Math.abs(u + k) - Math.abs(u - k));
            next[e] += 0.5 * c + w * Math.abs(c);
          }
        }
        for (int b = 0; b < rows; b++) {
          int s = first + b;
          if (discount[s] == 0) {
            Arrays.fill(dNextTheta, nextAt[s], nextAt[s] + m, 0);
            continue;
          }
          if (exact[b]) {
            double[] own = new double[m];
            huberByTarget(Arrays.copyOfRange(predicted, b * q, (b + 1) * q), Arrays.copyOfRange(target, b * m,
                (b + 1) * m), own, true);
            System.arraycopy(own, 0, next, b * m, m);
          }
          double nextScale = discount[s] * scale;
          for (int j = 0; j < m; j++) {
            dNextTheta[nextAt[s] + j] = next[b * m + j] * nextScale;
          }
        }
      }
    }
    return value;
  }

  /*
   * The kernels below are branch-free, on arrays that start at index 0, so that the JIT vectorises them. With
   * tilt_i = tau_i - 1/2 and c = clamp(u, -kappa, kappa) = (|u + kappa| - |u - kappa|) / 2, the weighted slope is
   * |tau - 1{u < 0}| c = c/2 + tilt |c| (c has u's sign) and the weighted Huber term is
   * |tau - 1{u < 0}| H(u) = (u - c/2) (c/2 + tilt |c|), both branches of H at once; for the pinball loss c is sign(u)
   * and u - c/2 is u. Neither loop has a reduction: the first accumulates per quantile with the targets outside, the
   * second per target with the quantiles outside. The clamp by absolute values is off by at most
   * ulp(|u| + kappa), under 2^-26 kappa while every |u| <= 2^26 kappa / 2 (checked per sample, by the largest value
   * on either side); beyond that the kernels clamp with Math.min and Math.max, exactly and more slowly.
   */

  /** {@code sum_i += sum_j |tau_i - 1| H(u_ij)}, {@code slope_i += sum_j |tau_i - 1| clamp(u_ij)} (unscaled). */
  private void huberByQuantile(double[] theta, double[] target, double[] sum, double[] slope, boolean exact) {
    double k = kappa;
    for (double t : target) {
      for (int i = 0; i < quantiles; i++) {
        double u = t - theta[i];
        double c = exact ? Math.min(Math.max(u, -k), k) : 0.5 * (Math.abs(u + k) - Math.abs(u - k));
        double d = 0.5 * c + tilt[i] * Math.abs(c);
        sum[i] += (u - 0.5 * c) * d;
        slope[i] += d;
      }
    }
  }

  /** {@code next_j += sum_i |tau_i - 1| clamp(u_ij)} (unscaled). */
  private void huberByTarget(double[] theta, double[] target, double[] next, boolean exact) {
    double k = kappa;
    int m = target.length;
    for (int i = 0; i < quantiles; i++) {
      double t = theta[i];
      double w = tilt[i];
      for (int j = 0; j < m; j++) {
        double u = target[j] - t;
        double c = exact ? Math.min(Math.max(u, -k), k) : 0.5 * (Math.abs(u + k) - Math.abs(u - k));
        next[j] += 0.5 * c + w * Math.abs(c);
      }
    }
  }

  private void pinballByQuantile(double[] theta, double[] target, double[] sum, double[] slope) {
    for (double t : target) {
      for (int i = 0; i < quantiles; i++) {
        double u = t - theta[i];
        double c = Math.signum(u);
        double d = 0.5 * c + tilt[i] * Math.abs(c);
        sum[i] += u * d;
        slope[i] += d;
      }
    }
  }

  private void pinballByTarget(double[] theta, double[] target, double[] next) {
    int m = target.length;
    for (int i = 0; i < quantiles; i++) {
      double t = theta[i];
      double w = tilt[i];
      for (int j = 0; j < m; j++) {
        double c = Math.signum(target[j] - t);
        next[j] += 0.5 * c + w * Math.abs(c);
      }
    }
  }

  /** {@code L} of one sample whose rows are all of {@code theta} ({@code N}) and of {@code nextTheta} ({@code M}). */
  public double value(double[] theta, double[] nextTheta, double reward, double discount) {
    ArrayChecks.require("QuantileHuber", "theta", theta, quantiles);
    if (nextTheta == null || nextTheta.length == 0) {
      throw new IllegalArgumentException("QuantileHuber: nextTheta is empty; expected at least one target value");
    }
    int targets = nextTheta.length;
    return valueAndGradient(theta, 0, nextTheta, 0, targets, reward, discount, null, 0, null, 0);
  }

  /**
   * {@code L} of each of {@code n = reward.length} samples: row {@code s} of {@code theta} at {@code s * N}, of
   * {@code nextTheta} at {@code s * M} with {@code M = nextTheta.length / n}; {@code dL/dtheta} into {@code dTheta}
   * (required), {@code dL/dnext_theta} into {@code dNextTheta} when not null.
   *
   * @return the {@code n} values
   */
  public double[] evaluate(double[] theta, double[] nextTheta, double[] reward, double[] discount, double[] dTheta,
      double[] dNextTheta) {
    String name = "QuantileHuber";
    int n = ArrayChecks.rows(name, "reward", reward);
    ArrayChecks.require(name, "discount", discount, n);
    ArrayChecks.require(name, "theta", theta, n * quantiles);
    ArrayChecks.require(name, "dTheta", dTheta, n * quantiles);
    if (nextTheta == null || nextTheta.length == 0 || nextTheta.length % n != 0) {
      throw new IllegalArgumentException(name + ": nextTheta has "
          + (nextTheta == null ? "no" : String.valueOf(nextTheta.length)) + " entries; expected a positive multiple of "
          + n + " (targets per sample times samples)");
    }
    int targets = nextTheta.length / n;
    if (dNextTheta != null) {
      ArrayChecks.require(name, "dNextTheta", dNextTheta, n * targets);
    }
    double[] value = new double[n];
    for (int s = 0; s < n; s++) {
      value[s] = valueAndGradient(theta, s * quantiles, nextTheta, s * targets, targets, reward[s], discount[s], dTheta,
          s * quantiles, dNextTheta, s * targets);
    }
    return value;
  }

  @Override
  public String toString() {
    return "QuantileHuber[quantiles=" + quantiles + ", kappa=" + kappa + "]";
  }
}
