package org.qprob.agents.training;

/**
 * How long a training loop runs: it stops when either limit is reached (0 = no limit on that count). A step budget
 * can end the loop inside an episode; that partial episode is not reported.
 *
 * @param maxEnvSteps environment steps
 * @param maxEpisodes episodes
 */
public record Budget(long maxEnvSteps, long maxEpisodes) {
  public Budget {
    if (maxEnvSteps < 0 || maxEpisodes < 0 || (maxEnvSteps == 0 && maxEpisodes == 0)) {
      throw new IllegalArgumentException("budget = " + maxEnvSteps + " steps, " + maxEpisodes
          + " episodes is invalid; expected counts >= 0 (0 = unlimited), at least one of them > 0");
    }
  }

  /** At most {@code steps} environment steps. */
  public static Budget steps(long steps) {
    return new Budget(steps, 0);
  }

  /** At most {@code episodes} episodes. */
  public static Budget episodes(long episodes) {
    return new Budget(0, episodes);
  }
}
