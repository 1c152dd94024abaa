package org.qprob.agents.training;

/** Realised discounted returns of one episode: {@code G_t = sum_k gamma^k r_(t+k)} over the rest of the episode. */
public final class DiscountedReturns {
  private DiscountedReturns() {}

  /**
   * {@code G_t} for every step {@code t} of an episode with rewards {@code r_0 .. r_(T-1)}, computed backwards
   * ({@code G_(T-1) = r_(T-1)}, {@code G_t = r_t + gamma G_(t+1)}).
   *
   * @param gamma the discount, in (0, 1]
   */
  public static double[] of(double[] rewards, double gamma) {
    if (!(gamma > 0 && gamma <= 1)) {
      throw new IllegalArgumentException("discount gamma = " + gamma + " is invalid; expected a number in (0, 1]");
    }
    double[] g = new double[rewards.length];
    double next = 0;
    for (int t = rewards.length - 1; t >= 0; t--) {
      next = rewards[t] + gamma * next;
      g[t] = next;
    }
    return g;
  }
}
