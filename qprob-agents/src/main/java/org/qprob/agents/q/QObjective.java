package org.qprob.agents.q;

import org.qprob.agents.network.OutputHead;
import org.qprob.api.loss.Backup;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.OutputModel;
import org.qprob.api.loss.TdBatch;
import org.qprob.api.loss.TdResult;

/**
 * The Q-learning batch objective as a pure function of the networks' raw outputs: it reads them through the loss's
 * output model, hands the loss a {@link TdBatch} (each sample's discount: {@code gamma^k} for a transition of k folded
 * steps, {@code gamma} for one-step ones, 0 at terminal rows; each sample's weight: 1 for uniform replay, the
 * importance weight for prioritized replay;
 * for backups that select a next action, {@code a* = argmax_a' Q_select(s', a')} of the expected values, with
 * {@code Q_select} the selector network's outputs for double DQN, else the next-state outputs themselves), and turns
 * the loss's per-sample gradients into dLoss/d(raw output) for the weighted batch-mean loss
 * {@code (1/n) sum_i w_i L_i}. The backups' targets are in {@link Backup}, with d the sample's discount and r its
 * (n-step) reward: for max (DQN) {@code y = r + d * Q(s', a*)}; soft {@code r + d * alpha * logsumexp(Q(s', .) / alpha)};
 * the Gumbel backup {@code r + d * max_a' Gumbel(mu(s', a'), beta(s'))} (so {@code nu_p = nu(s') + ln d}); the
 * distributional one {@code Z = r + d Z(s', a*)}.
 * With {@code targetGradient} the gradient also flows into the next-state outputs (the original q-prob script).
 */
final class QObjective {
  /**
   * One evaluation. Every matrix is row-major in one array, a row per sample of {@code head.outputs()} values.
   *
   * @param loss batch-mean loss
   * @param meanBeta batch mean of the output model's spread (exp(nu(s)) for the Gumbel head), NaN if it has none
   * @param dRaw dLoss/d(raw outputs) of the s rows
   * @param dRawNext dLoss/d(raw outputs) of the s' rows; null without target gradient
   * @param priority the loss's per-sample priority signal (|TD error|, or the sample's loss for distributional losses)
   */
  record Result(double loss, double meanBeta, double[] dRaw, double[] dRawNext, double[] priority) {
  }

  private final Loss loss;
  private final OutputHead head;
  private final Backup backup;
  private final double alpha;
  private final double gamma;
  private final boolean targetGradient;

  QObjective(Loss loss, OutputHead head, Backup backup, double alpha, double gamma, boolean targetGradient) {
    this.loss = loss;
    this.head = head;
    this.backup = backup;
    this.alpha = alpha;
    this.gamma = gamma;
    this.targetGradient = targetGradient;
  }

  boolean targetGradient() {
    return targetGradient;
  }

  /**
   * @param discounts each sample's discount ({@code gamma^k}, 0 at terminal rows)
   * @param weights each sample's weight in the batch loss
   * @param rawS raw outputs at s
   * @param rawNext raw outputs at s' of the network that values the next state
   * @param rawNextSelect raw outputs at s' of the network that picks the next action (double DQN); null otherwise
   */
  Result evaluate(int[] actions, double[] rewards, double[] discounts, double[] weights, double[] rawS,
      double[] rawNext, double[] rawNextSelect) {
    OutputModel model = head.model();
    int n = actions.length;
    int w = model.width();
    double[] out = head.transformRows(rawS, n);
    double[] next = head.transformRows(rawNext, n);
    int[] nextActions = backup.selectsAction()
        ? select(rawNextSelect == null ? next : head.transformRows(rawNextSelect, n), n) : null;
    TdResult r = loss.evaluate(new TdBatch(n, model.actions(), w, out, actions, rewards, discounts, weights, next,
        nextActions, backup, alpha), targetGradient);

    double sum = 0;
    double spreadSum = 0;
    for (int i = 0; i < n; i++) {
      sum += r.value()[i] * weights[i];
      spreadSum += model.spread(out, i * w);
    }
    double[] dRaw = rawGradient(r.dOutputs(), rawS, weights, n, w);
    double[] dRawNext = targetGradient ? rawGradient(r.dNextOutputs(), rawNext, weights, n, w) : null;
    return new Result(sum / n, spreadSum / n, dRaw, dRawNext, r.priority());
  }

  /** {@code argmax_a' Q_select(s', a')} per sample, from the selector's rows as the model reads them. */
  private int[] select(double[] selectRows, int n) {
    OutputModel model = head.model();
    int w = model.width();
    int[] chosen = new int[n];
    for (int i = 0; i < n; i++) {
      chosen[i] = model.greedyAction(selectRows, i * w);
    }
    return chosen;
  }

  /**
   * {@code w_i / n * d L_i / d out * d out / d raw}, row by row; outputs the loss did not touch stay 0. (An identity
   * head's slope is 1, by which the product is not multiplied: the same number.)
   */
  private double[] rawGradient(double[] dOut, double[] raw, double[] weights, int n, int w) {
    double[] dRaw = new double[n * w];
    for (int i = 0; i < n; i++) {
      int at = i * w;
      if (head.identity()) {
        double scale = weights[i];
        for (int k = 0; k < w; k++) {
          double g = dOut[at + k];
          dRaw[at + k] = g != 0 ? g * scale / n : 0;
        }
        continue;
      }
      for (int k = 0; k < w; k++) {
        double g = dOut[at + k];
        if (g != 0) {
          dRaw[at + k] = g * weights[i] / n * head.slope(raw, at, k);
        }
      }
    }
    return dRaw;
  }

  @Override
  public String toString() {
    return "QObjective(" + loss + ", " + backup + (backup == Backup.SOFT ? " alpha=" + alpha : "") + ", gamma=" + gamma
        + (targetGradient ? ", gradient into target" : "") + ", " + head + ")";
  }
}
