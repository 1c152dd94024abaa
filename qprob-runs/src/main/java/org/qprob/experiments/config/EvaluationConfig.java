package org.qprob.experiments.config;

/**
 * Periodic greedy evaluation during training, on an environment seeded apart from the training one.
 *
 * @param everyEnvSteps evaluate each time this many more training env steps have been taken (mid-episode too: the
 *     evaluation has its own environment), and once more when training ends; 0 turns evaluation off; default 10000
 * @param episodes greedy episodes per evaluation, at least 1; default 10
 * @param maxEpisodeSteps an evaluation episode still running after this many steps ends there (truncated), whatever
 *     the environment's own time limit; 0 = only the environment's limit; default 0. For environments with no time
 *     limit (MinAtar) where a greedy policy can stall: Seaquest's submarine idling at the surface never ends an
 *     episode. Training episodes are not affected.
 */
public record EvaluationConfig(long everyEnvSteps, int episodes, int maxEpisodeSteps) {
  public EvaluationConfig {
    if (everyEnvSteps < 0) {
      throw new IllegalArgumentException("everyEnvSteps = " + everyEnvSteps
          + " is invalid; expected an integer >= 0 (0 = no evaluation)");
    }
    if (episodes < 1) {
      throw new IllegalArgumentException("episodes = " + episodes + " is invalid; expected an integer >= 1");
    }
    if (maxEpisodeSteps < 0) {
      throw new IllegalArgumentException("maxEpisodeSteps = " + maxEpisodeSteps
          + " is invalid; expected an integer >= 0 (0 = the environment's own time limit only)");
    }
  }

  /** Every {@code everyEnvSteps} env steps, {@code episodes} episodes, capped by the environment's limit only. */
  public EvaluationConfig(long everyEnvSteps, int episodes) {
    this(everyEnvSteps, episodes, 0);
  }

  /** Every 10,000 env steps, 10 episodes. */
  public static EvaluationConfig defaults() {
    return new EvaluationConfig(10_000, 10);
  }

  /** Whether evaluation is on. */
  public boolean enabled() {
    return everyEnvSteps > 0;
  }
}
