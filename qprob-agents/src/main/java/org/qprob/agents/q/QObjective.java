package org.qprob.agents.q;

import org.qprob.agents.exploration.Exploration;
import org.qprob.agents.network.OutputHead;
import org.qprob.api.loss.LossBatch;
import org.qprob.api.loss.LossResult;
import org.qprob.api.loss.Loss;

/**
 * The Q-learning batch objective as a pure function of the networks' raw outputs: it forms the Bellman target, asks
 * the loss for per-sample values and gradients, and turns them into dLoss/d(raw output) for the batch-mean loss.
 * <ul>
 *   <li>max: {@code y = r + gamma * (1 - terminated) * max_a' Q(s', a')}; with a selector (double DQN) the next
 *       action is {@code argmax_a' Q_select(s', a')} and its value {@code Q(s', a*)};</li>
 *   <li>soft: {@code y = r + gamma * (1 - terminated) * alpha * logsumexp(Q(s', .) / alpha)};</li>
 *   <li>gumbel: the loss builds {@code r + gamma * max_a' Gumbel(mu(s', a'), exp(nu(s')))} from the batch itself.</li>
 * </ul>
 * With {@code targetGradient} the gradient also flows into the next-state outputs (the original q-prob script).
 */
final class QObjective {
  enum Backup { MAX, SOFT, GUMBEL }

  /**
   * One evaluation.
   *
   * @param loss batch-mean loss
   * @param meanBeta batch mean of exp(nu(s)), NaN for point heads
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
    return backup == Backup.GUMBEL
        ? gumbel(actions, rewards, terminal, rawS, rawNext)
        : point(actions, rewards, terminal, rawS, rawNext, rawNextSelect);
  }

  private Result point(int[] actions, double[] rewards, boolean[] terminal, double[][] rawS, double[][] rawNext,
      double[][] rawNextSelect) {
    int n = rawS.length;
    int na = head.actions();
    double[] prediction = new double[n];
    double[] target = new double[n];
    double[][] weights = new double[n][na];
    double[] q = new double[na];
    double[] select = new double[na];
    for (int i = 0; i < n; i++) {
      prediction[i] = head.location(rawS[i], actions[i]);
      head.locations(rawNext[i], q);
      double value;
      if (backup == Backup.SOFT) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : q) {
          max = Math.max(max, v);
        }
        double sum = 0;
        for (int a = 0; a < na; a++) {
          weights[i][a] = Math.exp((q[a] - max) / alpha);
          sum += weights[i][a];
        }
        for (int a = 0; a < na; a++) {
          weights[i][a] /= sum;
        }
        value = max + alpha * Math.log(sum);
      } else {
        int best;
        if (rawNextSelect != null) {
          head.locations(rawNextSelect[i], select);
          best = Exploration.argmax(select);
        } else {
          best = Exploration.argmax(q);
        }
        weights[i][best] = 1;
        value = q[best];
      }
      target[i] = rewards[i] + (terminal[i] ? 0 : gamma * value);
    }
    LossResult r = loss.evaluate(LossBatch.point(prediction, target), targetGradient);
    double[][] dRaw = new double[n][head.outputs()];
    double[][] dRawNext = targetGradient ? new double[n][head.outputs()] : null;
    for (int i = 0; i < n; i++) {
      int a = actions[i];
      dRaw[i][a] = r.dPrediction()[i] / n * head.locationSlope(rawS[i], a);
      if (targetGradient && !terminal[i]) {
        double dValue = r.dTarget()[i] * gamma / n;
        for (int b = 0; b < na; b++) {
          if (weights[i][b] != 0) {
            dRawNext[i][b] = dValue * weights[i][b] * head.locationSlope(rawNext[i], b);
          }
        }
      }
    }
    return new Result(r.mean(), Double.NaN, dRaw, dRawNext);
  }

  private Result gumbel(int[] actions, double[] rewards, boolean[] terminal, double[][] rawS, double[][] rawNext) {
    int n = rawS.length;
    int na = head.actions();
    double[] location = new double[n];
    double[] logScale = new double[n];
    double[] nextLocation = new double[n * na];
    double[] nextLogScale = new double[n];
    double betaSum = 0;
    for (int i = 0; i < n; i++) {
      location[i] = head.location(rawS[i], actions[i]);
      logScale[i] = head.logScale(rawS[i]);
      betaSum += Math.exp(logScale[i]);
      for (int a = 0; a < na; a++) {
        nextLocation[i * na + a] = head.location(rawNext[i], a);
      }
      nextLogScale[i] = head.logScale(rawNext[i]);
    }
    LossResult r = loss.evaluate(
        LossBatch.gumbelBackup(location, logScale, rewards, terminal, gamma, na, nextLocation, nextLogScale),
        targetGradient);
    double[][] dRaw = new double[n][head.outputs()];
    double[][] dRawNext = targetGradient ? new double[n][head.outputs()] : null;
    for (int i = 0; i < n; i++) {
      dRaw[i][actions[i]] = r.dPrediction()[i] / n * head.locationSlope(rawS[i], actions[i]);
      dRaw[i][na] = r.dPredictionLogScale()[i] / n * head.logScaleSlope(rawS[i]);
      if (targetGradient) {
        for (int a = 0; a < na; a++) {
          dRawNext[i][a] = r.dNextLocation()[i * na + a] / n * head.locationSlope(rawNext[i], a);
        }
        dRawNext[i][na] = r.dNextLogScale()[i] / n * head.logScaleSlope(rawNext[i]);
      }
    }
    return new Result(r.mean(), betaSum / n, dRaw, dRawNext);
  }

  @Override
  public String toString() {
    return "QObjective(" + loss + ", " + backup + (backup == Backup.SOFT ? " alpha=" + alpha : "") + ", gamma=" + gamma
        + (targetGradient ? ", gradient into target" : "") + ", " + head + ")";
  }
}
