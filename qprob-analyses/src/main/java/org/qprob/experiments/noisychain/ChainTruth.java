package org.qprob.experiments.noisychain;

import org.qprob.envs.chain.NoisyChain;

/**
 * What is known exactly about a NoisyChain-v0 for a discount {@code gamma}: per state {@code s}, the reward noise
 * {@code sigma_s}, the optimal values {@code Q*(s, a)}, and the standard deviation of the discounted return from
 * {@code s} under the optimal policy — {@code sd(s)^2 = sigma_s^2 + gamma^2 sd(s+1)^2} where advancing is optimal
 * (ties go to advancing) and {@code sd(s) = sigma_s} where exiting is, or at the last state (both actions terminate).
 * States are <em>noisy</em> when {@code sigma_s} lies above the midpoint of the smallest and largest level, else
 * <em>quiet</em> (a chain with one level has only quiet states).
 *
 * @param gamma the discount
 * @param rewardNoise {@code sigma_s}
 * @param returnNoise the standard deviation of the optimal policy's discounted return from each state
 * @param trueQ {@code Q*[s][a]} ({@link NoisyChain#EXIT}, {@link NoisyChain#ADVANCE})
 * @param noisy whether each state is noisy
 */
public record ChainTruth(double gamma, double[] rewardNoise, double[] returnNoise, double[][] trueQ,
    boolean[] noisy) {

  /** The truth of {@code chain} for discount {@code gamma}. */
  public static ChainTruth of(NoisyChain chain, double gamma) {
    double[] sigma = chain.noiseScales();
    double[][] q = chain.trueQ(gamma);
    int n = sigma.length;
    double[] sd = new double[n];
    double next = 0;
    for (int s = n - 1; s >= 0; s--) {
      boolean advance = s < n - 1 && q[s][NoisyChain.ADVANCE] >= q[s][NoisyChain.EXIT];
      double variance = sigma[s] * sigma[s] + (advance ? gamma * gamma * next * next : 0);
      sd[s] = Math.sqrt(variance);
      next = sd[s];
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : sigma) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    boolean[] noisy = new boolean[n];
    for (int s = 0; s < n; s++) {
      noisy[s] = sigma[s] > (lo + hi) / 2;
    }
    return new ChainTruth(gamma, sigma, sd, q, noisy);
  }

  /** The number of states. */
  public int states() {
    return rewardNoise.length;
  }
}
