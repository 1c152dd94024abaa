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
 * {@code categorical}: C51 (Bellemare, Dabney and Munos 2017). The network predicts, per action, a softmax over
 * {@code atoms} fixed returns {@code z_i} evenly spaced on {@code [v_min, v_max]} ({@link CategoricalHead}). The target
 * is the predicted distribution of the selected next action {@code a*} (greedy by expected value, or double DQN's),
 * shifted and shrunk to {@code r + d z_j} and projected back onto the support ({@link CategoricalProjection}: returns
 * outside it land on its ends; a terminal row projects {@code r} alone); the loss is the cross-entropy
 * {@code -sum_i m_i log softmax(logits)_i} ({@link CategoricalCrossEntropy}). With target gradients the gradient also
 * flows through the projection into the next-state logits of {@code a*}.
 *
 * <p>Options: {@code atoms} = 51 (default, the paper's), an integer {@code >= 2}; {@code v_min} = -10 and
 * {@code v_max} = 10 (defaults, the paper's Atari support for clipped rewards), finite with {@code v_min < v_max}.
 * Set the support to cover the task's discounted returns (CartPole-v1 with gamma 0.99: [0, 100]).
 */
public final class CategoricalLoss implements Loss {
  /** The registered name. */
  public static final String NAME = "categorical";
  /** The default number of atoms. */
  public static final int DEFAULT_ATOMS = 51;
  /** The default smallest atom. */
  public static final double DEFAULT_V_MIN = -10;
  /** The default largest atom. */
  public static final double DEFAULT_V_MAX = 10;

  private final CategoricalCrossEntropy crossEntropy;

  /** @see CategoricalProjection#CategoricalProjection the checks on {@code atoms}, {@code vMin}, {@code vMax} */
  public CategoricalLoss(int atoms, double vMin, double vMax) {
    CategoricalProjection projection;
    try {
      projection = new CategoricalProjection(atoms, vMin, vMax);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(NAME + ": " + e.getMessage().replace("CategoricalProjection: ", ""), e);
    }
    this.crossEntropy = new CategoricalCrossEntropy(projection);
  }

  /** Reads {@code atoms}, {@code v_min} and {@code v_max}; fails on any other key. */
  public static CategoricalLoss fromOptions(Options options) {
    int atoms = options.getInt("atoms", DEFAULT_ATOMS, 2, 100_000);
    double vMin = options.getDouble("v_min", DEFAULT_V_MIN, -1e12, 1e12);
    double vMax = options.getDouble("v_max", DEFAULT_V_MAX, -1e12, 1e12);
    options.requireAllUsed();
    return new CategoricalLoss(atoms, vMin, vMax);
  }

  /** The support and its projection. */
  public CategoricalProjection projection() {
    return crossEntropy.projection();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public OutputModel outputModel(int actions) {
    return new CategoricalHead(actions, projection());
  }

  /** The distributional backup of the selected action. */
  @Override
  public List<Backup> backups() {
    return SelectedActionRows.BACKUPS;
  }

  /** Priorities are the per-sample cross-entropies. */
  @Override
  public TdResult evaluate(TdBatch batch, boolean targetGradient) {
    return SelectedActionRows.evaluateBatch(NAME, "atoms", crossEntropy.atoms(), batch, targetGradient,
        crossEntropy::valuesAndGradients);
  }

  @Override
  public String toString() {
    CategoricalProjection p = projection();
    return NAME + "[atoms=" + p.atoms() + ", v_min=" + p.vMin() + ", v_max=" + p.vMax() + "]";
  }

  /** Registers {@code categorical}. */
  public static final class Provider implements LossProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "C51: categorical return distribution on a fixed support, projected target, cross-entropy; options: "
          + "atoms (51, >= 2), v_min (-10), v_max (10, > v_min)";
    }

    @Override
    public Loss create(Options options) {
      return fromOptions(options);
    }
  }
}
