package org.qprob.agents;

import java.util.List;
import java.util.Locale;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.config.ConvConfig;
import org.qprob.agents.network.Mlp;

/**
 * The memory an agent will need, estimated from its config before anything is allocated, so that a config too large
 * for the machine fails at validation with one line instead of dying in a native allocation.
 *
 * <p>Native memory (ND4J's off-heap buffers, single precision) holds each trained network's parameters, gradient,
 * Adam moments and a working copy, each target network's parameters and a copy, and the activations of a forward and
 * backward pass over a batch of states and next states. The Java heap holds the replay buffer (observation and next
 * observation rows, action, reward, flag) and the plain-Java acting copy of a network. Checkpoints are streamed
 * into their file as they are written and out of it when a run resumes, so neither holds a copy of one. The figures
 * are estimates, deliberately generous by a small factor, not measurements.
 *
 * @param heapBytes bytes of Java heap
 * @param nativeBytes bytes of native (off-heap) memory
 */
public record MemoryEstimate(long heapBytes, long nativeBytes) {
  /** What an agent that does not estimate its needs reports. */
  public static final MemoryEstimate UNKNOWN = new MemoryEstimate(0, 0);

  private static final long FLOAT = Float.BYTES;
  /** Per trained network: parameters, gradient, two Adam moments, one working copy. */
  private static final int TRAINED_COPIES = 5;
  /** Per target network: parameters and one working copy. */
  private static final int TARGET_COPIES = 2;
  /** Per activation of a pass: pre-activation, activation, its gradient, one scratch. */
  private static final int ACTIVATION_COPIES = 4;

  /**
   * The estimate for a replay agent on MLPs of {@code config.network()}.
   *
   * @param config the agent config (network widths, replay capacity and batch)
   * @param inputShape the shape of the network input ({@link org.qprob.agents.network.ObservationEncoder#shape()})
   * @param rawWidth floats per stored observation
   * @param trainedOutputs the output width of each trained network (e.g. one Q network; Q and V for X-DQN)
   * @param targetOutputs the output width of each target network
   */
  public static MemoryEstimate replayAgent(AgentConfig config, int[] inputShape, int rawWidth,
      List<Integer> trainedOutputs, List<Integer> targetOutputs) {
    return replayAgent(config, inputShape, rawWidth, trainedOutputs, targetOutputs, 0);
  }

  /**
   * As {@link #replayAgent(AgentConfig, int[], int, List, List)}, with a replay sampler that keeps
   * {@code samplerBytes} of its own on the heap ({@link org.qprob.agents.replay.ReplaySamplerFactory#bytes}).
   */
  public static MemoryEstimate replayAgent(AgentConfig config, int[] inputShape, int rawWidth,
      List<Integer> trainedOutputs, List<Integer> targetOutputs, long samplerBytes) {
    long batchRows = 2L * config.replay().batchSize();
    long nativeBytes = 0;
    for (int outputs : trainedOutputs) {
      long p = parameters(config, inputShape, outputs);
      nativeBytes += p * FLOAT * TRAINED_COPIES + batchRows * units(config, inputShape, outputs) * FLOAT
          * ACTIVATION_COPIES;
    }
    for (int outputs : targetOutputs) {
      long p = parameters(config, inputShape, outputs);
      nativeBytes += p * FLOAT * TARGET_COPIES + batchRows * units(config, inputShape, outputs) * FLOAT;
    }
    long capacity = config.replay().capacity();
    long buffer = capacity * (2 * rawWidth * FLOAT + 2 * Integer.BYTES + Double.BYTES + 1) + samplerBytes;
    long acting = parameters(config, inputShape, trainedOutputs.get(0)) * FLOAT;
    long heap = buffer + acting;
    return new MemoryEstimate(heap, nativeBytes);
  }

  /**
   * Weights and biases of {@code config}'s network (convolution, hidden layers) between the given input and output;
   * one line if its convolution does not fit the input.
   */
  static long parameters(AgentConfig config, int[] inputShape, int outputs) {
    return Mlp.parameterCount(config.network(), inputShape, outputs);
  }

  /** Activations per sample (a convolution's input counted as its im2col rows, kernel area x its grid). */
  private static long units(AgentConfig config, int[] inputShape, int outputs) {
    int[] widths = Mlp.widths(config.network(), inputShape, outputs);
    long total = 0;
    for (int w : widths) {
      total += w;
    }
    ConvConfig conv = config.network().conv();
    return conv == null ? total : total + (long) widths[0] * conv.kernel() * conv.kernel();
  }

  /**
   * Empty if this fits in {@code heapAvailable} bytes of heap and {@code nativeAvailable} of native memory, else one
   * line saying what does not fit and what to change.
   */
  public String checkFits(long heapAvailable, long nativeAvailable) {
    if (heapBytes <= heapAvailable && nativeBytes <= nativeAvailable) {
      return "";
    }
    return String.format(Locale.ROOT, "needs about %s of native memory (network parameters, optimizer state, "
        + "activations) and %s of Java heap (replay buffer); this JVM has %s native and %s heap; expected "
        + "smaller agent.network.hidden or agent.replay.capacity, or more memory (QPROB_JAVA_OPTS=-Xmx...)",
        size(nativeBytes), size(heapBytes), size(nativeAvailable), size(heapAvailable));
  }

  /** {@code bytes} in MiB or GiB, one decimal. */
  static String size(long bytes) {
    double mib = bytes / (1024.0 * 1024.0);
    return mib >= 1024 ? String.format(Locale.ROOT, "%.1f GiB", mib / 1024) : String.format(Locale.ROOT, "%.1f MiB", mib);
  }
}
