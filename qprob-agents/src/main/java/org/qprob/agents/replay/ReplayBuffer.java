package org.qprob.agents.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * A fixed-capacity ring of transitions in primitive arrays (no object per transition): observations and next
 * observations as float rows, actions, rewards, the {@code terminated} flag (truncated transitions bootstrap, so
 * that flag alone decides) and the bootstrap exponent k. A stored transition may be an n-step one folded by
 * {@link NStepWindow}: {@code (s_t, a_t, R = r_t + gamma r_(t+1) + ... + gamma^(k-1) r_(t+k-1), s_(t+k))}, whose target
 * bootstraps with {@code gamma^k} (or not at all if {@code terminated}); a one-step transition has {@code k = 1}.
 * How batches are drawn is a {@link ReplaySampler}'s business; {@link #sample} is the uniform draw without
 * replacement, as the original scripts' {@code random.sample(buffer, 64)}.
 */
public final class ReplayBuffer {
  private final int capacity;
  private final int width;
  private final float[] observations;
  private final float[] nextObservations;
  private final int[] actions;
  private final double[] rewards;
  private final boolean[] terminated;
  private final int[] bootstrapSteps;
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
    bootstrapSteps = new int[capacity];
  }

  /** Stores one one-step transition (the arrays are copied); returns the slot it went to. */
  public int add(float[] observation, int action, double reward, float[] nextObservation, boolean isTerminal) {
    if (observation.length != width || nextObservation.length != width) {
      throw new IllegalArgumentException("observation width " + observation.length + "/" + nextObservation.length
          + " does not match the buffer's " + width);
    }
    return add(observation, 0, action, reward, nextObservation, 0, isTerminal, 1);
  }

  /**
   * Stores one transition whose observation is the {@code width()} floats of {@code obs} from {@code obsFrom} and
   * whose next observation those of {@code nextObs} from {@code nextFrom} (both copied); returns the slot it went to,
   * the oldest one once the ring is full.
   *
   * @param reward the (discounted n-step) reward
   * @param steps the bootstrap exponent k >= 1: the target bootstraps with {@code gamma^k} unless {@code isTerminal}
   */
  public int add(float[] obs, int obsFrom, int action, double reward, float[] nextObs, int nextFrom,
      boolean isTerminal, int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("bootstrap steps " + steps + " is invalid; expected >= 1");
    }
    if (obs.length < obsFrom + width || nextObs.length < nextFrom + width) {
      throw new IllegalArgumentException("observation width " + (obs.length - obsFrom) + "/" + (nextObs.length - nextFrom)
          + " does not match the buffer's " + width);
    }
    int slot = next;
    System.arraycopy(obs, obsFrom, observations, slot * width, width);
    System.arraycopy(nextObs, nextFrom, nextObservations, slot * width, width);
    actions[slot] = action;
    rewards[slot] = reward;
    terminated[slot] = isTerminal;
    bootstrapSteps[slot] = steps;
    next = (next + 1) % capacity;
    size = Math.min(size + 1, capacity);
    return slot;
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
   * {@code indices.length} draws from {@code rng}); what {@link UniformSampler} does.
   */
  public void sample(int[] indices, RandomGenerator rng) {
    UniformSampler.draw(size, indices, rng);
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

  /** The bootstrap exponent k of slot {@code i}: its target bootstraps with {@code gamma^k} unless terminated. */
  public int bootstrapSteps(int i) {
    return bootstrapSteps[i];
  }

  /** Writes the contents and the ring position (each slot: observation, next observation, action, reward, terminated, bootstrap steps). */
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
      out.writeInt(bootstrapSteps[i]);
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
      bootstrapSteps[i] = in.readInt();
    }
  }

  @Override
  public String toString() {
    return "ReplayBuffer(capacity=" + capacity + ", width=" + width + ", size=" + size + ")";
  }
}
