package org.qprob.agents.dataset;

import java.util.Arrays;
import org.qprob.api.agent.Transition;

/** Collects transitions, in the order they happen, into a {@link Dataset}. Not thread-safe. */
public final class DatasetBuilder {
  private final int[] observationShape;
  private final int width;
  private float[] observations = new float[0];
  private float[] nextObservations = new float[0];
  private int[] actions = new int[16];
  private double[] rewards = new double[16];
  private boolean[] terminations = new boolean[16];
  private boolean[] truncations = new boolean[16];
  private int size;

  /** An empty builder for observations of {@code observationShape}. */
  public DatasetBuilder(int[] observationShape) {
    this.observationShape = observationShape.clone();
    this.width = Arrays.stream(observationShape).reduce(1, Math::multiplyExact);
    this.observations = new float[16 * width];
    this.nextObservations = new float[16 * width];
  }

  /** Appends one step (its arrays are copied). */
  public void add(Transition t) {
    if (t.observation().length != width || t.nextObservation().length != width) {
      throw new IllegalArgumentException("observation of " + t.observation().length + " floats does not match the"
          + " dataset's " + width);
    }
    if (size == actions.length) {
      int capacity = Math.multiplyExact(actions.length, 2);
      actions = Arrays.copyOf(actions, capacity);
      rewards = Arrays.copyOf(rewards, capacity);
      terminations = Arrays.copyOf(terminations, capacity);
      truncations = Arrays.copyOf(truncations, capacity);
      observations = Arrays.copyOf(observations, Math.multiplyExact(capacity, width));
      nextObservations = Arrays.copyOf(nextObservations, Math.multiplyExact(capacity, width));
    }
    System.arraycopy(t.observation(), 0, observations, size * width, width);
    System.arraycopy(t.nextObservation(), 0, nextObservations, size * width, width);
    actions[size] = t.action();
    rewards[size] = t.reward();
    terminations[size] = t.terminated();
    truncations[size] = t.truncated();
    size++;
  }

  /** Marks the last step added as the end of a cut episode (truncated), e.g. where a step budget stopped recording. */
  public void truncateLast() {
    if (size > 0 && !terminations[size - 1]) {
      truncations[size - 1] = true;
    }
  }

  /** Transitions added. */
  public int size() {
    return size;
  }

  /** Whether the last step added ended its episode; true when empty. */
  public boolean atEpisodeEnd() {
    return size == 0 || terminations[size - 1] || truncations[size - 1];
  }

  /** The dataset of the transitions added so far. */
  public Dataset build(DatasetInfo info) {
    return new Dataset(info, observationShape.clone(), Arrays.copyOf(observations, size * width),
        Arrays.copyOf(actions, size), Arrays.copyOf(rewards, size), Arrays.copyOf(terminations, size),
        Arrays.copyOf(truncations, size), Arrays.copyOf(nextObservations, size * width));
  }
}
