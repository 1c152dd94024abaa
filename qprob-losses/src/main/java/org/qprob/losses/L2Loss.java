package org.qprob.losses;

import org.qprob.api.Options;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.LossProvider;
import org.qprob.api.loss.PointLoss;

/**
 * {@code l2}: the squared TD error {@code (q - y)^2} per sample, without a factor 1/2, so that the batch mean is
 * exactly torch's {@code mse_loss} as used by the original DQN baseline script. Gradients
 * {@code 2 (q - y)} w.r.t. the prediction and {@code -2 (q - y)} w.r.t. the target. No options.
 */
public final class L2Loss implements PointLoss, DirectLoss {
  /** The registered name. */
  public static final String NAME = "l2";

  /** Reads no option; fails on any key. */
  public static L2Loss fromOptions(Options options) {
    options.requireAllUsed();
    return new L2Loss();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double[] regress(double[] prediction, double[] target, double[] dPrediction, double[] dTarget) {
    LossResult r = evaluate(LossBatch.point(prediction, target), dTarget != null);
    System.arraycopy(r.dPrediction(), 0, dPrediction, 0, dPrediction.length);
    if (dTarget != null) {
      System.arraycopy(r.dTarget(), 0, dTarget, 0, dTarget.length);
    }
    return r.value();
  }

  @Override
  public LossResult evaluate(LossBatch batch, boolean targetGradient) {
    int n = BatchChecks.point(NAME, batch);
    double[] q = batch.prediction();
    double[] y = batch.target();
    double[] value = new double[n];
    double[] dq = new double[n];
    double[] dy = targetGradient ? new double[n] : null;
    for (int i = 0; i < n; i++) {
      double e = q[i] - y[i];
      value[i] = e * e;
      dq[i] = 2 * e;
      if (dy != null) {
        dy[i] = -2 * e;
      }
    }
    return new LossResult(value, dq, null, dy, null, null);
  }

  @Override
  public String toString() {
    return NAME + "[(q - y)^2]";
  }

  /** Registers {@code l2}. */
  public static final class Provider implements LossProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "squared TD error (q - y)^2, the DQN loss (batch mean = torch mse_loss); no options";
    }

    @Override
    public Loss create(Options options) {
      return fromOptions(options);
    }
  }
}
