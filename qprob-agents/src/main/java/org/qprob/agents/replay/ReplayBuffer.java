package org.qprob.agents.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * A fixed-capacity ring of transitions in primitive arrays (no object per transition): observations and next
 * observations as float rows, actions, rewards and the {@code terminated} flag (truncated transitions bootstrap, so
 * that flag alone decides). Sampling is uniform without replacement, as the original scripts'
 * {@code random.sample(buffer, 64)}.
 */
public final class ReplayBuffer {
  private final int capacity;
  private final int width;
  private final float[] observations;
  private final float[] nextObservations;
  private final int[] actions;
  private final double[] rewards;
  private final boolean[] terminated;
  private int size;
  private int next;

  /**
   * @param capacity transitions kept; the oldest is overwritten
   * @param width floats per stored observation
   */
  public ReplayBuffer(int capacity, int width) {
    if (capacity <= 0 || width <= 0) {
      throw new IllegalArgumentException("replay buffer capacity " + capacity + ", width " + width + " is invalid; expected both > 0");
    }
    this.capacity = capacity;
    this.width = width;
    long floats = (long) capacity * width;
    if (floats > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("replay.capacity = " + capacity + " is too large for observations of width " + width);
    }
    observations = new float[(int) floats];
    nextObservations = new float[(int) floats];
    actions = new int[capacity];
    rewards = new double[capacity];
    terminated = new boolean[capacity];
  }

  /** Stores one transition (the arrays are copied). */
  public void add(float[] observation, int action, double reward, float[] nextObservation, boolean isTerminal) {
    if (observation.length != width || nextObservation.length != width) {
      throw new IllegalArgumentException("observation width " + observation.length + "/" + nextObservation.length
          + " does not match the buffer's " + width);
    }
    System.arraycopy(observation, 0, observations, next * width, width);
    System.arraycopy(nextObservation, 0, nextObservations, next * width, width);
    actions[next] = action;
    rewards[next] = reward;
    terminated[next] = isTerminal;
    next = (next + 1) % capacity;
    size = Math.min(size + 1, capacity);
  }

  /** Transitions stored. */
  public int size() {
    return size;
  }

  public int capacity() {
    return capacity;
  }

  /** Floats per observation. */
  public int width() {
    return width;
  }

  /**
   * Fills {@code indices} with distinct slots drawn uniformly from the stored transitions (Floyd's algorithm: exactly
   * {@code indices.length} draws from {@code rng}).
   */
  public void sample(int[] indices, RandomGenerator rng) {
    int k = indices.length;
    if (k > size) {
      throw new IllegalStateException("cannot draw " + k + " distinct transitions from " + size);
    }
    int filled = 0;
    for (int j = size - k; j < size; j++) {
      int t = rng.nextInt(j + 1);
      int chosen = contains(indices, filled, t) ? j : t;
      indices[filled] = chosen;
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

  /** The stored observations (row {@code i} at {@code i * width()}); read only. */
  public float[] observations() {
    return observations;
  }

  /** The stored next observations; read only. */
  public float[] nextObservations() {
    return nextObservations;
  }

  public int action(int i) {
    return actions[i];
  }

  public double reward(int i) {
    return rewards[i];
  }

  public boolean terminated(int i) {
    return terminated[i];
  }

  /** Writes the contents and the ring position. */
  public void write(DataOutputStream out) throws IOException {
    out.writeInt(capacity);
    out.writeInt(width);
    out.writeInt(size);
    out.writeInt(next);
    for (int i = 0; i < size; i++) {
      for (int k = 0; k < width; k++) {
        out.writeFloat(observations[i * width + k]);
        out.writeFloat(nextObservations[i * width + k]);
      }
      out.writeInt(actions[i]);
      out.writeDouble(rewards[i]);
      out.writeBoolean(terminated[i]);
    }
  }

  /** Restores what {@link #write} wrote, into a buffer of the same capacity and width. */
  public void read(DataInputStream in) throws IOException {
    int c = in.readInt();
    int w = in.readInt();
    if (c != capacity || w != width) {
      throw new IOException("checkpoint replay buffer " + c + "x" + w + " does not match " + capacity + "x" + width);
    }
    size = in.readInt();
    next = in.readInt();
    for (int i = 0; i < size; i++) {
      for (int k = 0; k < width; k++) {
        observations[i * width + k] = in.readFloat();
        nextObservations[i * width + k] = in.readFloat();
      }
      actions[i] = in.readInt();
      rewards[i] = in.readDouble();
      terminated[i] = in.readBoolean();
    }
  }

  @Override
  public String toString() {
    return "ReplayBuffer(capacity=" + capacity + ", width=" + width + ", size=" + size + ")";
  }
}
