package org.qprob.losses;

import java.util.Arrays;

/**
 * C51's loss for one sample: the cross-entropy between the projected target {@code m} ({@link CategoricalProjection}
 * of {@code reward + discount * Z'}, {@code Z'} with probabilities {@code p = softmax(next_logits)}) and the prediction
 * {@code q = softmax(logits)}, both on the same support:
 *
 * <pre>L = -sum_i m_i log q_i,   log q_i = logits_i - logsumexp(logits)</pre>
 *
 * with gradients
 *
 * <pre>dL/dlogits_k      = (sum_i m_i) q_k - m_k                    (= q_k - m_k, as m sums to 1)
 * dL/dnext_logits_k = p_k (h_k - sum_j p_j h_j),  h = W^T (-log q)  (W the projection's matrix, m = W p)</pre>
 *
 * <p>The second is the gradient into the target, for runs that let it flow there. At terminal rows
 * ({@code discount = 0}) {@code m} is the projection of the reward alone and does not depend on {@code p}: the next
 * logits are not read (they may hold anything) and their gradient is 0. Gradients are those of each sample's own
 * {@code L}, not of a batch mean: the caller scales by importance weights and {@code 1 / batch size}.
 *
 * <p>Rows are {@code atoms} consecutive doubles of flat arrays (logits for the taken action, next logits for the action
 * the backup selected). The log-softmax is shifted by the row's largest logit, so no logit overflows; non-finite
 * logits give a NaN value (left for the divergence guard to report).
 */
public final class CategoricalCrossEntropy {
  private final CategoricalProjection projection;

  /** @param projection the support and its projection, shared by the prediction and the target */
  public CategoricalCrossEntropy(CategoricalProjection projection) {
    if (projection == null) {
      throw new IllegalArgumentException("CategoricalCrossEntropy: projection is missing; expected a support");
    }
    this.projection = projection;
  }

  /** The cross-entropy on {@code atoms} equally spaced values from {@code vMin} to {@code vMax}. */
  public CategoricalCrossEntropy(int atoms, double vMin, double vMax) {
    this(new CategoricalProjection(atoms, vMin, vMax));
  }

  public CategoricalProjection projection() {
    return projection;
  }

  /** The number of atoms of a row. */
  public int atoms() {
    return projection.atoms();
  }

  /** Work space for one row at a time. */
  private static final class Rows {
    final double[] nextProbabilities;
    final double[] target;
    final double[] logQ;
    final double[] prediction;
    final double[] dTarget;
    final double[] dNextProbabilities;
    final CategoricalProjection.Positions positions;

    Rows(CategoricalProjection projection) {
      int atoms = projection.atoms();
      positions = projection.positions();
      nextProbabilities = new double[atoms];
      target = new double[atoms];
      logQ = new double[atoms];
      prediction = new double[atoms];
      dTarget = new double[atoms];
      dNextProbabilities = new double[atoms];
    }
  }

  /**
   * {@code L} of one sample, writing {@code dL/dlogits} into {@code dLogits[dLogitsOffset .. + atoms)} and, when
   * {@code dNextLogits} is not null, {@code dL/dnext_logits} into {@code dNextLogits[dNextOffset .. + atoms)}
   * (both overwritten; pass null for either gradient that is not wanted).
   *
   * @param logits the prediction's logits at {@code logits[logitsOffset .. + atoms)}
   * @param nextLogits the next-state logits at {@code nextLogits[nextOffset .. + atoms)}
   * @param reward finite
   * @param discount finite, {@code >= 0}: 0 at terminal rows (then {@code nextLogits} is not read), {@code gamma^n}
   *     otherwise
   */
  public double valueAndGradient(double[] logits, int logitsOffset, double[] nextLogits, int nextOffset, double reward,
      double discount, double[] dLogits, int dLogitsOffset, double[] dNextLogits, int dNextOffset) {
    return row(logits, logitsOffset, nextLogits, nextOffset, reward, discount, dLogits, dLogitsOffset, dNextLogits,
        dNextOffset, new Rows(projection));
  }

  /** {@code L} of one sample whose rows are the whole of {@code logits} and {@code nextLogits}. */
  public double value(double[] logits, double[] nextLogits, double reward, double discount) {
    projection.checkRow("logits", logits);
    projection.checkRow("nextLogits", nextLogits);
    return valueAndGradient(logits, 0, nextLogits, 0, reward, discount, null, 0, null, 0);
  }

  /**
   * {@code L} of each of {@code n = reward.length} samples, row {@code s} of each array at {@code s * atoms}, writing
   * {@code dL/dlogits} into {@code dLogits} (required) and, when not null, {@code dL/dnext_logits} into
   * {@code dNextLogits}.
   *
   * @param logits {@code n * atoms} prediction logits
   * @param nextLogits {@code n * atoms} next-state logits of the selected actions
   * @param reward {@code n} rewards
   * @param discount {@code n} discounts, 0 at terminal rows
   * @return the {@code n} values
   */
  public double[] evaluate(double[] logits, double[] nextLogits, double[] reward, double[] discount, double[] dLogits,
      double[] dNextLogits) {
    String name = "CategoricalCrossEntropy";
    int n = ArrayChecks.rows(name, "reward", reward);
    int atoms = atoms();
    ArrayChecks.require(name, "discount", discount, n);
    ArrayChecks.require(name, "logits", logits, n * atoms);
    ArrayChecks.require(name, "nextLogits", nextLogits, n * atoms);
    ArrayChecks.require(name, "dLogits", dLogits, n * atoms);
    if (dNextLogits != null) {
      ArrayChecks.require(name, "dNextLogits", dNextLogits, n * atoms);
    }
    int[] at = new int[n];
    for (int s = 0; s < n; s++) {
      at[s] = s * atoms;
    }
    return valuesAndGradients(logits, at, nextLogits, at, reward, discount, dLogits, dNextLogits);
  }

  /**
   * {@code L} of each sample {@code s}, its rows at {@code at[s]} and {@code nextAt[s]} of the flat arrays, writing
   * {@code dL/dlogits} into {@code dLogits} at {@code at[s]} and, when not null, {@code dL/dnext_logits} into
   * {@code dNextLogits} at {@code nextAt[s]}; one work space for the whole batch.
   *
   * @return the values
   */
  double[] valuesAndGradients(double[] logits, int[] at, double[] nextLogits, int[] nextAt, double[] reward,
      double[] discount, double[] dLogits, double[] dNextLogits) {
    Rows rows = new Rows(projection);
    double[] value = new double[reward.length];
    for (int s = 0; s < value.length; s++) {
      value[s] = row(logits, at[s], nextLogits, nextAt[s], reward[s], discount[s], dLogits, at[s], dNextLogits,
          nextAt[s], rows);
    }
    return value;
  }

  private double row(double[] logits, int logitsOffset, double[] nextLogits, int nextOffset, double reward,
      double discount, double[] dLogits, int dLogitsOffset, double[] dNextLogits, int dNextOffset, Rows rows) {
    int atoms = atoms();
    double[] p = rows.nextProbabilities;
    double[] m = rows.target;
    double[] logQ = rows.logQ;
    boolean terminal = discount == 0;
    if (terminal) {
      projection.projectPoint(reward, m, 0); // Tz_j = reward for every j, whatever p is
    } else {
      softmax(nextLogits, nextOffset, atoms, p);
      projection.locate(reward, discount, rows.positions);
      projection.project(p, 0, rows.positions, m, 0);
    }
    double top = CategoricalHead.max(logits, logitsOffset, atoms);
    double[] q = rows.prediction;
    double sum = 0;
    for (int i = 0; i < atoms; i++) {
      q[i] = Math.exp(logits[logitsOffset + i] - top);
      sum += q[i];
    }
    double logSum = top + Math.log(sum);
    double value = 0;
    double mass = 0;
    for (int i = 0; i < atoms; i++) {
      logQ[i] = logits[logitsOffset + i] - logSum;
      value -= m[i] * logQ[i];
      mass += m[i];
    }
    if (dLogits != null) {
      double scale = mass / sum;
      for (int i = 0; i < atoms; i++) {
        dLogits[dLogitsOffset + i] = scale * q[i] - m[i];
      }
    }
    if (dNextLogits != null) {
      if (terminal) {
        Arrays.fill(dNextLogits, dNextOffset, dNextOffset + atoms, 0);
      } else {
        double[] g = rows.dTarget;
        double[] h = rows.dNextProbabilities;
        for (int i = 0; i < atoms; i++) {
          g[i] = -logQ[i];
        }
        projection.vectorJacobianProduct(rows.positions, g, 0, h, 0);
        double mean = 0;
        for (int j = 0; j < atoms; j++) {
          mean += p[j] * h[j];
        }
        for (int j = 0; j < atoms; j++) {
          dNextLogits[dNextOffset + j] = p[j] * (h[j] - mean);
        }
      }
    }
    return value;
  }

  /** {@code out_k = exp(x_k - max x) / sum_j exp(x_j - max x)} over {@code x[offset .. offset + atoms)}. */
  static void softmax(double[] x, int offset, int atoms, double[] out) {
    double top = CategoricalHead.max(x, offset, atoms);
    double sum = 0;
    for (int k = 0; k < atoms; k++) {
      out[k] = Math.exp(x[offset + k] - top);
      sum += out[k];
    }
    for (int k = 0; k < atoms; k++) {
      out[k] /= sum;
    }
  }

  @Override
  public String toString() {
    return "CategoricalCrossEntropy[atoms=" + atoms() + ", v_min=" + projection.vMin() + ", v_max=" + projection.vMax()
        + "]";
  }
}
