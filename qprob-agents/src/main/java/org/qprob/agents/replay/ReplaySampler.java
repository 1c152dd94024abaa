package org.qprob.agents.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * How batches are drawn from a {@link ReplayBuffer} and weighted: the part of replay that {@code agent.replay.kind}
 * chooses ({@code uniform}, {@code prioritized}, or a plugin's, made by a {@link ReplaySamplerFactory}). The buffer
 * keeps the transitions; the sampler keeps whatever it needs per slot (priorities) and is told of every slot written.
 *
 * <p>Every random draw comes from the generator handed to {@link #sample}, the agent's replay stream; anything else
 * the sampler keeps goes into the checkpoint through {@link #write} and {@link #read}.
 */
public interface ReplaySampler {
  /** Slot {@code slot} of the buffer now holds a new transition (possibly overwriting the oldest). */
  void added(int slot);

  /**
   * Fills {@code slots} with a batch of buffer slots among the first {@code size} and {@code weights} with each
   * sample's weight in the batch loss (its importance weight; 1 for uniform sampling).
   *
   * @param size transitions stored, {@code >= slots.length}
   * @param envSteps environment steps taken so far (what annealing schedules count)
   * @param rng the replay stream; the only source of randomness
   */
  void sample(int size, int[] slots, double[] weights, long envSteps, RandomGenerator rng);

  /**
   * Whether {@link #prioritize} does anything; when false the agent may skip computing the priority signal.
   */
  boolean usesPriorities();

  /**
   * The loss's per-sample priority signal ({@link org.qprob.api.loss.TdResult#priority()}: |TD error|, or the
   * sample's loss for distributional losses) for the slots of the batch just sampled, in batch order.
   */
  void prioritize(int[] slots, double[] signal);

  /** Writes the sampler's state (nothing for a stateless one). */
  void write(DataOutputStream out) throws IOException;

  /** Reads what {@link #write} wrote. */
  void read(DataInputStream in) throws IOException;
}
