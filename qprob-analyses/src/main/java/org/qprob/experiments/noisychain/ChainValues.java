package org.qprob.experiments.noisychain;

import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.qprob.api.agent.ValuePredictor;
import org.qprob.api.dist.Distribution;
import org.qprob.api.dist.Gumbel;

/**
 * What one trained agent predicts on every state of a NoisyChain-v0, set against the truth, and the measures the
 * uncertainty claim is tested with:
 * <ul>
 *   <li>{@link #betaVsRewardNoise()} and {@link #betaVsReturnNoise()}: the Spearman rank correlation of the learned
 *       Gumbel scale {@code beta(s) = exp(nu(s))} with the state's reward noise {@code sigma_s} and with the noise of
 *       the optimal return from {@code s} (ties get their average rank); NaN without a Gumbel or when beta or the
 *       noise is the same everywhere;</li>
 *   <li>{@link #valueError(boolean)}: the mean of {@code |Q(s, a) - Q*(s, a)|} over both actions of the noisy or the
 *       quiet states, with {@code Q} the agent's point value (a Gumbel's mean {@code mu + EulerGamma beta});</li>
 *   <li>{@link #locationError(boolean)}: the same with the Gumbel location {@code mu(s, a)} in place of Q (the
 *       write-up reads mu as the expected return); NaN without a Gumbel.</li>
 * </ul>
 *
 * @param truth the chain's truth
 * @param q the agent's {@code Q[s][a]}
 * @param mu the Gumbel locations {@code mu[s][a]}, NaN for a point agent
 * @param beta the Gumbel scales {@code beta[s]}, NaN for a point agent
 */
public record ChainValues(ChainTruth truth, double[][] q, double[][] mu, double[] beta) {

  /** Asks {@code predictor} about every state {@code s} (observation {@code [s]}). */
  public static ChainValues measure(ValuePredictor predictor, ChainTruth truth) {
    int n = truth.states();
    double[][] q = new double[n][];
    double[][] mu = new double[n][];
    double[] beta = new double[n];
    for (int s = 0; s < n; s++) {
      float[] obs = {s};
      q[s] = predictor.actionValues(obs);
      mu[s] = new double[q[s].length];
      beta[s] = Double.NaN;
      java.util.Arrays.fill(mu[s], Double.NaN);
      if (predictor.distributional()) {
        Distribution[] d = predictor.returnDistributions(obs);
        for (int a = 0; a < d.length; a++) {
          if (d[a] instanceof Gumbel g) {
            mu[s][a] = g.mu();
            beta[s] = g.beta();
          }
        }
      }
    }
    return new ChainValues(truth, q, mu, beta);
  }

  /** Whether the agent predicted a Gumbel (so beta and mu are known). */
  public boolean gumbel() {
    for (double b : beta) {
      if (Double.isNaN(b)) {
        return false;
      }
    }
    return true;
  }

  /** Spearman's rho of beta(s) and the reward noise sigma_s. */
  public double betaVsRewardNoise() {
    return spearman(beta, truth.rewardNoise());
  }

  /** Spearman's rho of beta(s) and the standard deviation of the optimal return from s. */
  public double betaVsReturnNoise() {
    return spearman(beta, truth.returnNoise());
  }

  /** Spearman's rank correlation (average ranks for ties); NaN if either side is constant or has a NaN. */
  static double spearman(double[] x, double[] y) {
    if (undefined(x) || undefined(y)) {
      return Double.NaN;
    }
    return new SpearmansCorrelation().correlation(x, y);
  }

  /** Whether ranks say nothing: a NaN value, or every value the same. */
  private static boolean undefined(double[] v) {
    boolean varies = false;
    for (double d : v) {
      if (Double.isNaN(d)) {
        return true;
      }
      varies |= d != v[0];
    }
    return !varies;
  }

  /** Mean |Q - Q*| over both actions of the noisy ({@code true}) or quiet states; NaN if there are none. */
  public double valueError(boolean noisy) {
    return error(q, noisy);
  }

  /** Mean |mu - Q*| over both actions of the noisy or quiet states; NaN without a Gumbel or without such states. */
  public double locationError(boolean noisy) {
    return error(mu, noisy);
  }

  private double error(double[][] values, boolean noisy) {
    double sum = 0;
    int count = 0;
    for (int s = 0; s < truth.states(); s++) {
      if (truth.noisy()[s] != noisy) {
        continue;
      }
      for (int a = 0; a < values[s].length; a++) {
        sum += Math.abs(values[s][a] - truth.trueQ()[s][a]);
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }
}
