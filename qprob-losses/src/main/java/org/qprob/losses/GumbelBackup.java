package org.qprob.losses;

import org.qprob.api.dist.Gumbel;

/**
 * The target of the probabilistic Bellman backup, {@code p = r + gamma * max_a' Gumbel(mu(s', a'), exp(nu(s')))}:
 *
 * <pre>nu_p = nu(s') + log(gamma)
 * mu_p = r + gamma * beta * logsumexp(mu(s', .) / beta),  beta = exp(nu(s'))</pre>
 *
 * and its Jacobian: {@code dmu_p/dmu(s', a') = gamma * w_a} with {@code w = softmax(mu(s', .) / beta)},
 * {@code dmu_p/dnu(s') = gamma * beta * H(w)} ({@code H} the entropy of {@code w}), {@code dnu_p/dnu(s') = 1}. The
 * log-sum-exp is shifted by the largest location, so nothing overflows.
 */
public final class GumbelBackup {
  private GumbelBackup() {}

  /** {@code nu_p = nu(s') + log(gamma)}. */
  public static double logScale(double nextLogScale, double gamma) {
    return nextLogScale + Math.log(gamma);
  }

  /** {@code mu_p} from all of {@code nextLocation}. */
  public static double location(double[] nextLocation, double nextLogScale, double reward, double gamma) {
    return location(nextLocation, 0, nextLocation.length, nextLogScale, reward, gamma);
  }

  /** {@code mu_p} from {@code nextLocation[offset .. offset + actions)}. */
  public static double location(double[] nextLocation, int offset, int actions, double nextLogScale, double reward,
      double gamma) {
    double beta = Math.exp(nextLogScale);
    double invBeta = Math.exp(-nextLogScale);
    int end = offset + actions;
    double top = nextLocation[offset];
    for (int k = offset + 1; k < end; k++) {
      top = Math.max(top, nextLocation[k]);
    }
    double sum = 0;
    for (int k = offset; k < end; k++) {
      sum += Math.exp((nextLocation[k] - top) * invBeta);
    }
    return reward + gamma * (top + beta * Math.log(sum));
  }

  /**
   * The Jacobian of {@code mu_p}: writes {@code dmu_p/dmu(s', a')} into {@code dLocation[dOffset + a]} for every action
   * and returns {@code dmu_p/dnu(s')} (the derivative of {@code nu_p} w.r.t. {@code nu(s')} is 1; {@code mu_p} does not
   * depend on the reward other than additively, {@code dmu_p/dr = 1}).
   */
  public static double locationJacobian(double[] nextLocation, int offset, int actions, double nextLogScale,
      double gamma, double[] dLocation, int dOffset) {
    double beta = Math.exp(nextLogScale);
    double invBeta = Math.exp(-nextLogScale);
    int end = offset + actions;
    double top = nextLocation[offset];
    for (int k = offset + 1; k < end; k++) {
      top = Math.max(top, nextLocation[k]);
    }
    double sum = 0;
    for (int k = offset; k < end; k++) {
      double e = Math.exp((nextLocation[k] - top) * invBeta);
      dLocation[dOffset + k - offset] = e;
      sum += e;
    }
    double logSum = Math.log(sum);
    // beta * H(w) = sum_a w_a * (beta * log(sum) + (top - mu_a)): both parts are >= 0, so nothing cancels.
    double spread = 0;
    for (int a = 0; a < actions; a++) {
      double w = dLocation[dOffset + a] / sum;
      spread += w * (beta * logSum + (top - nextLocation[offset + a]));
      dLocation[dOffset + a] = gamma * w;
    }
    return gamma * spread;
  }

  /** The whole target as a {@link Gumbel}. */
  public static Gumbel target(double[] nextLocation, double nextLogScale, double reward, double gamma) {
    return new Gumbel(location(nextLocation, nextLogScale, reward, gamma), logScale(nextLogScale, gamma));
  }
}
