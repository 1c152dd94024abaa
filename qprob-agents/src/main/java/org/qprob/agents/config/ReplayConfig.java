package org.qprob.agents.config;

/**
 * The replay buffer, how it is sampled, n-step returns, and when updates happen. The keys mean what CleanRL's, Stable-Baselines3's and Dopamine's
 * do (docs/experiments.md, "Coming from CleanRL, SB3 or Dopamine").
 *
 * @param capacity transitions kept (a ring: the oldest is overwritten); default 100,000 (the original scripts' deque;
 *     CleanRL's and SB3's {@code buffer_size}, Dopamine's {@code replay_capacity})
 * @param batchSize transitions per gradient step, drawn uniformly without replacement; default 64
 * @param learningStarts gradient steps start once the run has taken more than this many environment steps (CleanRL's
 *     and SB3's {@code learning_starts}, Dopamine's {@code min_replay_history}); default 64 (the original scripts:
 *     {@code len(buffer) > 64}, the same while the buffer has not wrapped). It counts steps, not stored transitions, so
 *     it may exceed {@code capacity}.
 * @param updateEvery an update event every this many environment steps (CleanRL's {@code train_frequency}, SB3's
 *     {@code train_freq} in steps, Dopamine's {@code update_period}); default 1
 * @param gradientSteps gradient steps at each update event, each on a freshly sampled batch (SB3's
 *     {@code gradient_steps}); default 1. The target network's period still counts environment steps.
 * @param kind how batches are drawn, a replay sampler plugin ({@link org.qprob.agents.replay.ReplaySamplerFactory}):
 *     {@code uniform} (without replacement, every weight 1) or {@code prioritized} (proportional, with importance
 *     weights: {@link PrioritizedConfig}); default {@code uniform}
 * @param nStep the return each stored transition carries: {@code R = r_t + gamma r_(t+1) + ... + gamma^(n-1) r_(t+n-1)}
 *     bootstrapping from {@code s_(t+n)} with {@code gamma^n}; cut short at an episode's end (no bootstrap if it
 *     terminated, {@code gamma^k} from the last real next state after k steps if it was truncated); default 1 (one-step
 *     Q-learning). The last n - 1 steps of a running episode wait in the n-step window, so the buffer may hold fewer
 *     than {@code batchSize} transitions just after {@code learningStarts}; the first update then waits until it
 *     holds a batch. See docs/replay.md
 * @param prioritized the options of {@code kind = prioritized}; default {@link PrioritizedConfig#defaults()}
 */
public record ReplayConfig(int capacity, int batchSize, int learningStarts, int updateEvery, int gradientSteps,
    String kind, Integer nStep, PrioritizedConfig prioritized) {
  /** The default {@link #kind}. */
  public static final String UNIFORM = "uniform";

  public ReplayConfig {
    // absent (null) keys take their defaults, so a run folder's config.yaml written before they existed still reads
    kind = kind == null ? UNIFORM : kind;
    nStep = nStep == null ? 1 : nStep;
    if (kind.isBlank()) {
      throw new IllegalArgumentException("replay.kind = " + ConfigChecks.show(kind)
          + " is invalid; expected a replay kind such as uniform or prioritized");
    }
    ConfigChecks.atLeast("replay.nStep", nStep, 1);
    prioritized = prioritized == null ? PrioritizedConfig.defaults() : prioritized;
    ConfigChecks.atLeast("replay.capacity", capacity, 1);
    ConfigChecks.atLeast("replay.batchSize", batchSize, 1);
    ConfigChecks.atLeast("replay.learningStarts", learningStarts, 0);
    ConfigChecks.atLeast("replay.updateEvery", updateEvery, 1);
    ConfigChecks.atLeast("replay.gradientSteps", gradientSteps, 1);
    if (batchSize > capacity) {
      throw new IllegalArgumentException("replay.batchSize = " + batchSize + " is invalid; expected <= replay.capacity = " + capacity);
    }
    if (learningStarts < batchSize - 1) {
      throw new IllegalArgumentException("replay.learningStarts = " + learningStarts
          + " is invalid; expected >= replay.batchSize - 1 = " + (batchSize - 1) + " (a batch is drawn without replacement)");
    }
  }

  /**
   * Capacity 100,000, batch 64, learning after 64 env steps, one gradient step per environment step, uniform sampling,
   * one-step returns.
   */
  public static ReplayConfig defaults() {
    return of(100_000, 64, 64, 1);
  }

  /** The given sizes with one gradient step per update event, uniform sampling and one-step returns. */
  public static ReplayConfig of(int capacity, int batchSize, int learningStarts, int updateEvery) {
    return new ReplayConfig(capacity, batchSize, learningStarts, updateEvery, 1, UNIFORM, 1, null);
  }

  /** A copy with another learning start. */
  public ReplayConfig withLearningStarts(int starts) {
    return new ReplayConfig(capacity, batchSize, starts, updateEvery, gradientSteps, kind, nStep, prioritized);
  }

  /** A copy with another number of gradient steps per update event. */
  public ReplayConfig withGradientSteps(int steps) {
    return new ReplayConfig(capacity, batchSize, learningStarts, updateEvery, steps, kind, nStep, prioritized);
  }

  /** A copy with another sampler kind. */
  public ReplayConfig withKind(String value) {
    return new ReplayConfig(capacity, batchSize, learningStarts, updateEvery, gradientSteps, value, nStep, prioritized);
  }

  /** A copy with another n of the n-step return. */
  public ReplayConfig withNStep(int value) {
    return new ReplayConfig(capacity, batchSize, learningStarts, updateEvery, gradientSteps, kind, value, prioritized);
  }

  /** A copy with other prioritized-replay options. */
  public ReplayConfig withPrioritized(PrioritizedConfig value) {
    return new ReplayConfig(capacity, batchSize, learningStarts, updateEvery, gradientSteps, kind, nStep, value);
  }

  /**
   * The gradient steps a run of {@code envSteps} environment steps takes under this config: {@code gradientSteps} at
   * every multiple of {@code updateEvery} above {@code learningStarts}.
   */
  public long impliedGradientSteps(long envSteps) {
    if (envSteps <= learningStarts) {
      return 0;
    }
    return gradientSteps * (envSteps / updateEvery - learningStarts / updateEvery);
  }
}
