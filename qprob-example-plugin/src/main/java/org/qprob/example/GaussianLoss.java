package org.qprob.example;

import java.util.List;
import org.qprob.api.Options;
import org.qprob.api.loss.Backup;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.LossProvider;
import org.qprob.api.loss.OutputModel;
import org.qprob.api.loss.TdBatch;
import org.qprob.api.loss.TdResult;

/**
 * {@code gaussian-nll}, an example loss plugin: each action's return is predicted as {@code N(m, sigma^2)},
 * {@code sigma = exp(s)} ({@link GaussianHead}), and trained by its expected negative log-likelihood under the
 * Gaussian Bellman target of the selected next action {@code a*}, {@code N(r + d m', (d sigma')^2)} (d the discount,
 * 0 at terminal rows): the cross-entropy
 * {@code L = s + (d^2 sigma'^2 + (r + d m' - m)^2) / (2 sigma^2) + log sqrt(2 pi)}. Its gradients:
 * {@code dL/dm = -e / sigma^2}, {@code dL/ds = 1 - (d^2 sigma'^2 + e^2) / sigma^2} with {@code e = r + d m' - m};
 * into the target {@code dL/dm' = d e / sigma^2}, {@code dL/ds' = d^2 sigma'^2 / sigma^2}.
 *
 * <p>Option {@code min_log_sd} = -5 (default): the predicted log standard deviation is floored there (zero gradient
 * below), so that a collapsing spread cannot blow the loss up. It depends on {@code qprob-api} alone.
 */
public final class GaussianLoss implements Loss {
  /** The registered name. */
  public static final String NAME = "gaussian-nll";
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

  private final double minLogSd;

  /** @param minLogSd the floor on the log standard deviation, finite */
  public GaussianLoss(double minLogSd) {
    if (!Double.isFinite(minLogSd)) {
      throw new IllegalArgumentException(NAME + ": min_log_sd = " + minLogSd + " is invalid; expected a finite number");
    }
    this.minLogSd = minLogSd;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public OutputModel outputModel(int actions) {
    return new GaussianHead(actions);
  }

  /** The distributional backup of the selected action. */
  @Override
  public List<Backup> backups() {
    return List.of(Backup.DISTRIBUTIONAL);
  }

  @Override
  public TdResult evaluate(TdBatch batch, boolean targetGradient) {
    int n = batch.size();
    int na = batch.actions();
    int w = batch.width();
    double[] value = new double[n];
    double[] dOut = new double[n * w];
    double[] dNext = targetGradient ? new double[n * w] : null;
    double[] priority = new double[n];
    for (int i = 0; i < n; i++) {
      int a = batch.taken()[i];
      double d = batch.discounts()[i];
      double m = batch.outputs()[i * w + a];
      double rawS = batch.outputs()[i * w + na + a];
      double s = Math.max(rawS, minLogSd);
      double variance = Math.exp(2 * s);
      double y = batch.rewards()[i];
      double targetVariance = 0;
      int b = -1;
      if (d != 0) {
        b = batch.nextActions()[i];
        y += d * batch.nextOutputs()[i * w + b];
        double nextS = Math.max(batch.nextOutputs()[i * w + na + b], minLogSd);
        targetVariance = d * d * Math.exp(2 * nextS);
      }
      double e = y - m;
      value[i] = s + (targetVariance + e * e) / (2 * variance) + LOG_SQRT_2PI;
      priority[i] = value[i];
      dOut[i * w + a] = -e / variance;
      dOut[i * w + na + a] = rawS < minLogSd ? 0 : 1 - (targetVariance + e * e) / variance;
      if (targetGradient && d != 0) {
        dNext[i * w + b] = d * e / variance;
        boolean floored = batch.nextOutputs()[i * w + na + b] < minLogSd;
        dNext[i * w + na + b] = floored ? 0 : targetVariance / variance;
      }
    }
    return new TdResult(value, dOut, dNext, priority);
  }

  @Override
  public String toString() {
    return NAME + "[min_log_sd=" + minLogSd + "]";
  }

  /** Registers {@code gaussian-nll}. */
  public static final class Provider implements LossProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "example plugin: Gaussian return per action, expected NLL under the Gaussian Bellman target; options: "
          + "min_log_sd (-5)";
    }

    @Override
    public Loss create(Options options) {
      double floor = options.getDouble("min_log_sd", -5, -1e6, 1e6);
      options.requireAllUsed();
      return new GaussianLoss(floor);
    }
  }
}
