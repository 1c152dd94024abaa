package org.qprob.experiments.config;

/**
 * When a run saves what it needs to continue exactly after a crash or a kill: at the first episode boundary at or
 * after every {@code everyEnvSteps} training env steps, and once more when training ends.
 *
 * @param everyEnvSteps the checkpoint period in training env steps, at least 1; default 10000
 */
public record CheckpointConfig(long everyEnvSteps) {
  public CheckpointConfig {
    if (everyEnvSteps < 1) {
      throw new IllegalArgumentException("everyEnvSteps = " + everyEnvSteps + " is invalid; expected an integer >= 1");
    }
  }

  /** Every 10,000 env steps. */
  public static CheckpointConfig defaults() {
    return new CheckpointConfig(10_000);
  }
}
