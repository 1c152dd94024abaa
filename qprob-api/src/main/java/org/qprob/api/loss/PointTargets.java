package org.qprob.api.loss;

/**
 * The TD step of a {@link PointLoss}: the target {@code y_i = r_i + d_i * V(s'_i)} with {@code V} from the batch's
 * point backup ({@link Backup#pointValue}), the loss's per-sample values and gradients, and those gradients placed on
 * the outputs: {@code d/dQ(s, a_i)} on the taken action, and with target gradients
 * {@code d/dy * d_i * dV/dQ(s', a')} on the next-state outputs (none at terminal rows).
 */
public final class PointTargets {
  private PointTargets() {
  }

  /**
   * The point targets of a batch and their slopes.
   *
   * @param y per sample, {@code r_i + d_i * V(s'_i)}
   * @param dValue per sample, {@code dV(s'_i) / dQ(s'_i, a')} for every a' ({@code n * A}, row-major)
   */
  public record Targets(double[] y, double[] dValue) {
  }

  /**
   * {@code y_i = r_i + d_i * V(s'_i)} with {@code V} the batch's point backup of the next-state expected values as
   * {@code model} reads them from the next outputs (the values themselves for {@link PointValues}).
   */
  public static Targets targets(TdBatch batch, OutputModel model) {
    Backup backup = batch.backup();
    int n = batch.size();
    int na = batch.actions();
    int w = batch.width();
    double[] y = new double[n];
    double[] dValue = new double[n * na];
    double[] q = new double[na];
    double[] dq = new double[na];
    for (int i = 0; i < n; i++) {
      model.expectedValues(batch.nextOutputs(), i * w, q);
      int selected = backup.selectsAction() ? batch.nextActions()[i] : -1;
      double value = backup.pointValue(q, selected, batch.alpha(), dq);
      System.arraycopy(dq, 0, dValue, i * na, na);
      double d = batch.discounts()[i];
      y[i] = batch.rewards()[i] + (d == 0 ? 0 : d * value);
    }
    return new Targets(y, dValue);
  }

  /** See the class comment; {@code priority} is {@code |y - Q(s, a)|}. */
  public static TdResult evaluate(PointLoss loss, TdBatch batch, boolean targetGradient) {
    Backup backup = batch.backup();
    if (!loss.backups().contains(backup)) {
      throw new IllegalArgumentException(loss.name() + ": backup " + backup + " does not fit a point loss; expected "
          + loss.backups());
    }
    int n = batch.size();
    int na = batch.actions();
    int w = batch.width();
    double[] out = batch.outputs();
    double[] prediction = new double[n];
    for (int i = 0; i < n; i++) {
      prediction[i] = out[i * w + batch.taken()[i]];
    }
    Targets t = targets(batch, new PointValues(na));
    double[] target = t.y();
    double[] dValue = t.dValue();
    double[] dPrediction = new double[n];
    double[] dTarget = targetGradient ? new double[n] : null;
    double[] values = loss.regress(prediction, target, dPrediction, dTarget);
    double[] dOut = new double[n * w];
    double[] dNext = targetGradient ? new double[n * w] : null;
    double[] priority = new double[n];
    for (int i = 0; i < n; i++) {
      dOut[i * w + batch.taken()[i]] = dPrediction[i];
      priority[i] = Math.abs(target[i] - prediction[i]);
      double d = batch.discounts()[i];
      if (targetGradient && d != 0) {
        double dy = dTarget[i] * d;
        for (int b = 0; b < na; b++) {
          double v = dValue[i * na + b];
          if (v != 0) {
            dNext[i * w + b] = dy * v;
          }
        }
      }
    }
    return new TdResult(values, dOut, dNext, priority);
  }
}
