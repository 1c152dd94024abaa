package org.qprob.agents.config;

/**
 * The uniform replay buffer and when updates happen.
 *
 * @param capacity transitions kept (a ring: the oldest is overwritten); default 100,000 (the original scripts' deque)
 * @param batchSize transitions per gradient step, drawn uniformly without replacement; default 64
 * @param learningStarts gradient steps start once the buffer holds more than this many transitions; default 64 (the
 *     original scripts: {@code len(buffer) > 64})
 * @param updateEvery one gradient step every this many environment steps; default 1
 */
public record ReplayConfig(int capacity, int batchSize, int learningStarts, int updateEvery) {
  public ReplayConfig {
    ConfigChecks.atLeast("replay.capacity", capacity, 1);
    ConfigChecks.atLeast("replay.batchSize", batchSize, 1);
    ConfigChecks.atLeast("replay.learningStarts", learningStarts, 0);
    ConfigChecks.atLeast("replay.updateEvery", updateEvery, 1);
    if (batchSize > capacity) {
      throw new IllegalArgumentException("replay.batchSize = " + batchSize + " is invalid; expected <= replay.capacity = " + capacity);
    }
    if (learningStarts < batchSize - 1) {
      throw new IllegalArgumentException("replay.learningStarts = " + learningStarts
          + " is invalid; expected >= replay.batchSize - 1 = " + (batchSize - 1) + " (a batch is drawn without replacement)");
    }
  }

  /** Capacity 100,000, batch 64, learning after 64 transitions, one step per environment step. */
  public static ReplayConfig defaults() {
    return new ReplayConfig(100_000, 64, 64, 1);
  }

  /** A copy with another learning start. */
  public ReplayConfig withLearningStarts(int starts) {
    return new ReplayConfig(capacity, batchSize, starts, updateEvery);
  }
}
