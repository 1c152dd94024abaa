package org.qprob.agents.replay;

import java.util.Arrays;
import org.qprob.agents.network.ObservationEncoder;

/**
 * One minibatch drawn from a {@link ReplayBuffer} (with its loss weights from the sampler), with the observations
 * already encoded for the network: the s rows
 * followed by the s' rows in one row-major array, so that both can go through a network as one batch. Reused from
 * update to update.
 */
public final class ReplayBatch {
  private final ObservationEncoder encoder;
  private final int size;
  private final int[] indices;
  private final int[] actions;
  private final double[] rewards;
  private final boolean[] terminated;
  private final int[] bootstrapSteps;
  private final double[] weights;
  private final float[] rows;

  public ReplayBatch(int size, ObservationEncoder encoder) {
    this.encoder = encoder;
    this.size = size;
    this.indices = new int[size];
    this.actions = new int[size];
    this.rewards = new double[size];
    this.terminated = new boolean[size];
    this.bootstrapSteps = new int[size];
    this.weights = new double[size];
    java.util.Arrays.fill(weights, 1.0);
    this.rows = new float[2 * size * encoder.width()];
  }

  /** Loads the transitions at {@code slots} (length {@link #size()}) from {@code buffer}. */
  public void load(ReplayBuffer buffer, int[] slots) {
    if (slots.length != size) {
      throw new IllegalArgumentException("batch of " + slots.length + " slots does not match size " + size);
    }
    System.arraycopy(slots, 0, indices, 0, size);
    int w = encoder.width();
    int rw = buffer.width();
    float[] obs = buffer.observations();
    float[] next = buffer.nextObservations();
    for (int i = 0; i < size; i++) {
      int j = slots[i];
      actions[i] = buffer.action(j);
      rewards[i] = buffer.reward(j);
      terminated[i] = buffer.terminated(j);
      bootstrapSteps[i] = buffer.bootstrapSteps(j);
      encoder.encode(obs, j * rw, rows, i * w);
      encoder.encode(next, j * rw, rows, (size + i) * w);
    }
  }

  public int size() {
    return size;
  }

  /** The buffer slots of the batch; read only. */
  public int[] indices() {
    return indices;
  }

  /** Actions taken; read only. */
  public int[] actions() {
    return actions;
  }

  /** Rewards; read only. */
  public double[] rewards() {
    return rewards;
  }

  /** Each sample's bootstrap exponent k (gamma^k unless terminal; 1 for one-step transitions); read only. */
  public int[] bootstrapSteps() {
    return bootstrapSteps;
  }

  /** Each sample's discount: {@code discount.of(terminated, k)}, a new array. */
  public double[] discounts(BootstrapDiscount discount) {
    double[] d = new double[size];
    for (int i = 0; i < size; i++) {
      d[i] = discount.of(terminated[i], bootstrapSteps[i]);
    }
    return d;
  }

  /**
   * Each sample's weight in the batch loss, which the sampler fills ({@code Experience.sample}); all 1 until it
   * does. Written by the sampler, read by the agent.
   */
  public double[] weights() {
    return weights;
  }

  /** Whether s' is terminal; read only. */
  public boolean[] terminated() {
    return terminated;
  }

  /** Encoded s rows then s' rows, {@code 2 * size} rows, row-major (a copy). */
  public float[] statesAndNextStates() {
    return rows.clone();
  }

  /** Encoded s rows, row-major (a copy). */
  public float[] states() {
    return Arrays.copyOfRange(rows, 0, size * encoder.width());
  }

  /** Encoded s' rows, row-major (a copy). */
  public float[] nextStates() {
    return Arrays.copyOfRange(rows, size * encoder.width(), rows.length);
  }
}
