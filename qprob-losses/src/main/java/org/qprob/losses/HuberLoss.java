package org.qprob.losses;

import org.qprob.api.Options;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.LossProvider;
import org.qprob.api.loss.PointLoss;

/**
 * {@code huber}: the Huber TD loss on {@code x = q - y}, {@code 0.5 x^2} if {@code |x| <= delta}, else
 * {@code delta (|x| - 0.5 delta)} (torch's {@code huber_loss}; with {@code delta = 1} also {@code smooth_l1_loss}).
 * Gradient {@code x} inside, {@code delta * sign(x)} outside, w.r.t. the prediction; the negation w.r.t. the target.
 *
 * <p>Option: {@code delta} = 1.0 (default), a finite number {@code > 0}.
 */
public final class HuberLoss implements PointLoss, DirectLoss {
  /** The registered name. */
  public static final String NAME = "huber";

  /** The default {@code delta}. */
  public static final double DEFAULT_DELTA = 1.0;

  private final double delta;

  /** @param delta where the quadratic part ends, finite and {@code > 0} */
  public HuberLoss(double delta) {
    if (!(delta > 0) || !Double.isFinite(delta)) {
      throw new IllegalArgumentException(NAME + ": delta = " + delta + " is invalid; expected a finite number > 0");
    }
    this.delta = delta;
  }

  /** Reads {@code delta}; fails on any other key. */
  public static HuberLoss fromOptions(Options options) {
    double delta = options.getDouble("delta", DEFAULT_DELTA, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    options.requireAllUsed();
    return new HuberLoss(delta);
  }

  public double delta() {
    return delta;
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
      double x = q[i] - y[i];
      double g;
      if (Math.abs(x) <= delta) {
        value[i] = 0.5 * x * x;
        g = x;
      } else {
        value[i] = delta * (Math.abs(x) - 0.5 * delta);
        g = Math.copySign(delta, x);
      }
      dq[i] = g;
      if (dy != null) {
        dy[i] = -g;
      }
    }
    return new LossResult(value, dq, null, dy, null, null);
  }

  @Override
  public String toString() {
    return NAME + "[delta=" + delta + "]";
  }

  /** Registers {@code huber}. */
  public static final class Provider implements LossProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "Huber TD loss (0.5 x^2 inside delta, linear outside); options: delta (1.0)";
    }

    @Override
    public Loss create(Options options) {
      return fromOptions(options);
    }
  }
}
