package org.qprob.agents.q;

import java.util.Arrays;
import org.qprob.agents.exploration.Exploration;
import org.qprob.agents.network.OutputHead;
import org.qprob.api.loss.Backup;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.OutputModel;
import org.qprob.api.loss.TdBatch;
import org.qprob.api.loss.TdResult;

/**
 * The Q-learning batch objective as a pure function of the networks' raw outputs: it reads them through the loss's
 * output model, hands the loss a {@link TdBatch} (discount {@code gamma}, 0 at terminal rows; weight 1 per sample;
 * for backups that select a next action, {@code a* = argmax_a' Q_select(s', a')} of the expected values, with
 * {@code Q_select} the selector network's outputs for double DQN, else the next-state outputs themselves), and turns
 * the loss's per-sample gradients into dLoss/d(raw output) for the weighted batch-mean loss
 * {@code (1/n) sum_i w_i L_i}. The backups' targets are in {@link Backup}: for max (DQN)
 * {@code y = r + gamma * (1 - terminated) * Q(s', a*)}; soft {@code alpha * logsumexp(Q(s', .) / alpha)}; the Gumbel
 * backup {@code r + gamma * max_a' Gumbel(mu(s', a'), beta(s'))}; the distributional one {@code Z = r + gamma Z(s', a*)}.
 * With {@code targetGradient} the gradient also flows into the next-state outputs (the original q-prob script).
 */
final class QObjective {
  /**
   * One evaluation.
   *
   * @param loss batch-mean loss
   * @param meanBeta batch mean of the output model's spread (exp(nu(s)) for the Gumbel head), NaN if it has none
   * @param dRaw dLoss/d(raw outputs) of the s rows
   * @param dRawNext dLoss/d(raw outputs) of the s' rows; null without target gradient
   */
  record Result(double loss, double meanBeta, double[][] dRaw, double[][] dRawNext) {
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
   * @param rawS raw outputs at s, one row per sample
   * @param rawNext raw outputs at s' of the network that values the next state
   * @param rawNextSelect raw outputs at s' of the network that picks the next action (double DQN); null otherwise
   */
  Result evaluate(int[] actions, double[] rewards, boolean[] terminal, double[][] rawS, double[][] rawNext,
      double[][] rawNextSelect) {
    OutputModel model = head.model();
    int n = rawS.length;
    int w = model.width();
    double[] out = new double[n * w];
    double[] next = new double[n * w];
    double[] discounts = new double[n];
    double[] weights = new double[n];
    Arrays.fill(weights, 1);
    for (int i = 0; i < n; i++) {
      head.transform(rawS[i], out, i * w);
      head.transform(rawNext[i], next, i * w);
      discounts[i] = terminal[i] ? 0 : gamma;
    }
    int[] nextActions = backup.selectsAction() ? select(rawNextSelect, next, n) : null;
    TdResult r = loss.evaluate(new TdBatch(n, model.actions(), w, out, actions, rewards, discounts, weights, next,
        nextActions, backup, alpha), targetGradient);

    double sum = 0;
    double spreadSum = 0;
    for (int i = 0; i < n; i++) {
      sum += r.value()[i] * weights[i];
      spreadSum += model.spread(out, i * w);
    }
    double[][] dRaw = rawGradient(r.dOutputs(), rawS, weights, n, w);
    double[][] dRawNext = targetGradient ? rawGradient(r.dNextOutputs(), rawNext, weights, n, w) : null;
    return new Result(sum / n, spreadSum / n, dRaw, dRawNext);
  }

  /** {@code argmax_a' Q_select(s', a')} per sample, from the selector's rows if given, else from {@code next}. */
  private int[] select(double[][] rawSelect, double[] next, int n) {
    OutputModel model = head.model();
    int w = model.width();
    double[] row = rawSelect == null ? next : new double[w];
    double[] q = new double[model.actions()];
    int[] chosen = new int[n];
    for (int i = 0; i < n; i++) {
      if (rawSelect != null) {
        head.transform(rawSelect[i], row, 0);
        model.expectedValues(row, 0, q);
      } else {
        model.expectedValues(next, i * w, q);
      }
      chosen[i] = Exploration.argmax(q);
    }
    return chosen;
  }

  /** {@code w_i / n * d L_i / d out * d out / d raw}, row by row; outputs the loss did not touch stay 0. */
  private double[][] rawGradient(double[] dOut, double[][] raw, double[] weights, int n, int w) {
    double[][] dRaw = new double[n][w];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < w; k++) {
        double g = dOut[i * w + k];
        if (g != 0) {
          dRaw[i][k] = g * weights[i] / n * head.slope(raw[i], k);
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
