package org.qprob.experiments.bench;

/**
 * The measured window of one training run: environment steps with their updates, timed after a warm-up.
 *
 * @param config the configuration's name, e.g. {@code q-prob}
 * @param steps environment steps in the window
 * @param updates gradient steps the agent took in the window (one per environment step once learning has started)
 * @param wallSeconds wall-clock time of the window
 * @param cpuSeconds CPU time of the thread that ran the window (excludes the garbage collector's and JIT's threads)
 * @param updateSeconds wall-clock time inside the agent's {@code update} (replay sampling, the gradient step, the
 *     priority and target-network updates)
 * @param actSeconds wall-clock time inside the agent's {@code act}
 * @param observeSeconds wall-clock time inside the agent's {@code observe} (storing the transition)
 */
public record Throughput(String config, long steps, long updates, double wallSeconds, double cpuSeconds,
    double updateSeconds, double actSeconds, double observeSeconds) {
  /** Environment steps per wall-clock second. */
  public double stepsPerSecond() {
    return steps / wallSeconds;
  }

  /** Environment steps per second of the loop thread's CPU time: what an otherwise idle core would give. */
  public double stepsPerCpuSecond() {
    return steps / cpuSeconds;
  }

  /**
   * The rest of the window: the environment's steps and resets and the training loop's own work (episode
   * bookkeeping, schedules, listeners).
   */
  public double otherSeconds() {
    return Math.max(0, wallSeconds - updateSeconds - actSeconds - observeSeconds);
  }

  /** Wall-clock milliseconds per environment step. */
  public double millisPerStep() {
    return 1e3 * wallSeconds / steps;
  }
}
