package org.qprob.agents.random;

import java.util.random.RandomGenerator;

/**
 * A SplitMix64 generator whose whole state is one {@code long} that can be read and written back, so that a
 * checkpointed agent continues with exactly the draws it would have made ({@link java.util.SplittableRandom} uses the
 * same algorithm but hides its state). Not thread-safe; one per consumer.
 */
public final class RandomStream implements RandomGenerator {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;

  /** A stream whose draws are determined by {@code seed}. */
  public RandomStream(long seed) {
    this.state = Seeds.mix64(seed ^ 0x3C6EF372FE94F82AL);
  }

  @Override
  public long nextLong() {
    state += GOLDEN;
    return Seeds.mix64(state);
  }

  /** A new independent stream seeded from this one's next draw. */
  public RandomStream split() {
    return new RandomStream(nextLong());
  }

  /** The whole state, for a checkpoint. */
  public long state() {
    return state;
  }

  /** Continues from a state {@link #state()} returned. */
  public void restore(long saved) {
    this.state = saved;
  }

  @Override
  public String toString() {
    return "RandomStream(state=" + Long.toHexString(state) + ")";
  }
}
