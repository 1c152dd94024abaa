package org.qprob.losses;

import java.util.List;
import org.qprob.api.Options;
import org.qprob.api.loss.Backup;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.LossProvider;
import org.qprob.api.loss.OutputModel;
import org.qprob.api.loss.TdBatch;
import org.qprob.api.loss.TdResult;

/**
 * {@code quantile-huber}: QR-DQN (Dabney, Rowland, Bellemare and Munos 2018). The network predicts, per action,
 * {@code N} quantile values at the midpoints {@code tau_i = (2i + 1) / (2N)} ({@link QuantileHead}). The target samples
 * are {@code T_j = r + d theta_j(s', a*)} for the selected next action {@code a*} (greedy by the quantiles' mean, or
 * double DQN's; {@code r} alone at terminal rows); the loss is the quantile Huber loss
 * {@code sum_i mean_j |tau_i - 1{u_ij < 0}| L_kappa(u_ij) / kappa}, {@code u_ij = T_j - theta_i}
 * ({@link QuantileHuber}). With target gradients the gradient also flows into {@code theta(s', a*)}.
 *
 * <p>Options: {@code quantiles} = 50 (default; the paper uses 200 on Atari, where the network is far larger than the
 * outputs — on small MLPs 50 keeps the output layer at the hidden width's scale), an integer {@code >= 1};
 * {@code kappa} = 1 (default, the paper's), a number {@code >= 0}, 0 giving the pure quantile (pinball) loss.
 */
public final class QuantileHuberLoss implements Loss {
  /** The registered name. */
  public static final String NAME = "quantile-huber";
  /** The default number of quantiles. */
  public static final int DEFAULT_QUANTILES = 50;
  /** The default Huber threshold. */
  public static final double DEFAULT_KAPPA = 1;

  private final QuantileHuber huber;

  /** @param quantiles {@code >= 1} @param kappa finite, {@code >= 0} */
  public QuantileHuberLoss(int quantiles, double kappa) {
    try {
      this.huber = new QuantileHuber(quantiles, kappa);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(NAME + ": " + e.getMessage().replace("QuantileHuber: ", ""), e);
    }
  }

  /** Reads {@code quantiles} and {@code kappa}; fails on any other key. */
  public static QuantileHuberLoss fromOptions(Options options) {
    int quantiles = options.getInt("quantiles", DEFAULT_QUANTILES, 1, 100_000);
    double kappa = options.getDouble("kappa", DEFAULT_KAPPA, 0, 1e12);
    options.requireAllUsed();
    return new QuantileHuberLoss(quantiles, kappa);
  }

  public int quantiles() {
    return huber.quantiles();
  }

  public double kappa() {
    return huber.kappa();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public OutputModel outputModel(int actions) {
    return new QuantileHead(actions, huber.quantiles());
  }

  /** The distributional backup of the selected action. */
  @Override
  public List<Backup> backups() {
    return SelectedActionRows.BACKUPS;
  }

  /** Priorities are the per-sample losses. */
  @Override
  public TdResult evaluate(TdBatch batch, boolean targetGradient) {
    int k = huber.quantiles();
    return SelectedActionRows.evaluateBatch(NAME, "quantiles", k, batch, targetGradient,
        (out, at, next, nextAt, rewards, discounts, dOut, dNext) -> huber.valuesAndGradients(out, at, next, nextAt, k,
            rewards, discounts, dOut, dNext));
  }

  @Override
  public String toString() {
    return NAME + "[quantiles=" + huber.quantiles() + ", kappa=" + huber.kappa() + "]";
  }

  /** Registers {@code quantile-huber}. */
  public static final class Provider implements LossProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "QR-DQN: quantile values at the midpoints, quantile Huber loss against the selected action's target "
          + "quantiles; options: quantiles (50, >= 1), kappa (1, >= 0; 0 = pinball)";
    }

    @Override
    public Loss create(Options options) {
      return fromOptions(options);
    }
  }
}
