package org.qprob.agents.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * {@code agent.replay.kind = uniform}: distinct slots drawn uniformly without replacement (Floyd's algorithm, exactly
 * one draw per sample, as the original scripts' {@code random.sample(buffer, 64)}); every weight is 1. Stateless.
 */
public final class UniformSampler implements ReplaySampler {
  @Override
  public void added(int slot) {
  }

  @Override
  public void sample(int size, int[] slots, double[] weights, long envSteps, RandomGenerator rng) {
    draw(size, slots, rng);
    Arrays.fill(weights, 1.0);
  }

  /** Fills {@code slots} with distinct values in {@code [0, size)}, uniformly, with {@code slots.length} draws. */
  static void draw(int size, int[] slots, RandomGenerator rng) {
    int k = slots.length;
    if (k > size) {
      throw new IllegalStateException("cannot draw " + k + " distinct transitions from " + size);
    }
    int filled = 0;
    for (int j = size - k; j < size; j++) {
      int t = rng.nextInt(j + 1);
      int chosen = contains(slots, filled, t) ? j : t;
      slots[filled] = chosen;
      filled++;
    }
  }

  private static boolean contains(int[] a, int n, int v) {
    for (int i = 0; i < n; i++) {
      if (a[i] == v) {
        return true;
      }
    }
    return false;
  }

  /** False: uniform sampling ignores priorities. */
  @Override
  public boolean usesPriorities() {
    return false;
  }

  @Override
  public void prioritize(int[] slots, double[] signal) {
  }

  @Override
  public void write(DataOutputStream out) {
  }

  @Override
  public void read(DataInputStream in) {
  }

  @Override
  public String toString() {
    return "uniform";
  }
}
