package org.qprob.agents.random;

/**
 * Derives independent seeds from one run seed by a fixed mixing function, so that every consumer (the agent, the
 * environment's episode resets, evaluation) gets its own stream and any one of them can be recomputed from the run
 * seed and an index alone.
 */
public final class Seeds {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Seeds() {
  }

  /** The seed of stream {@code index} under {@code seed}. */
  public static long derive(long seed, long index) {
    return mix64(seed + mix64(index * GOLDEN + 0x632BE59BD9B4E019L));
  }

  /** The seed of the stream named {@code name} (by its {@link String#hashCode()}, which Java fixes) under {@code seed}. */
  public static long derive(long seed, String name) {
    return derive(seed, 0x5DEECE66DL * name.hashCode() + name.length());
  }

  /** SplitMix64's finaliser (Stafford's variant 13): a bijective avalanche of 64 bits. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
