package org.qprob.agents.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A fixed set of transitions in the flat layout D4RL and Minari use: row {@code i} is the step
 * {@code (observations[i], actions[i], rewards[i], next_observations[i])} with its flags; {@code terminations[i]}
 * says s' is terminal (no bootstrap), {@code truncations[i]} that the episode was cut there (s' still has a value).
 * Rows of one episode are consecutive. Observations are stored row-major, {@code observationWidth()} floats per row.
 * The arrays are not copied; nobody writes them after construction.
 *
 * @param info where the data came from
 * @param observationShape the shape of one observation, e.g. {@code [4]} or {@code [10, 10, 4]}
 * @param observations {@code size() * observationWidth()} floats
 * @param actions one discrete action per row, each >= 0
 * @param rewards one reward per row
 * @param terminations whether each row's s' is terminal
 * @param truncations whether each row's episode was cut after it
 * @param nextObservations {@code size() * observationWidth()} floats
 */
public record Dataset(DatasetInfo info, int[] observationShape, float[] observations, int[] actions, double[] rewards,
    boolean[] terminations, boolean[] truncations, float[] nextObservations) {
  public Dataset {
    Objects.requireNonNull(info, "info");
    int n = actions.length;
    int width = widthOf(observationShape);
    check("observations", observations.length, (long) n * width, "size x observation width");
    check("next_observations", nextObservations.length, (long) n * width, "size x observation width");
    check("rewards", rewards.length, n, "one per action");
    check("terminations", terminations.length, n, "one per action");
    check("truncations", truncations.length, n, "one per action");
    for (int i = 0; i < n; i++) {
      if (actions[i] < 0) {
        throw new IllegalArgumentException("actions[" + i + "] = " + actions[i] + " is invalid; expected an action >= 0");
      }
    }
  }

  private static int widthOf(int[] shape) {
    long w = 1;
    for (int d : shape) {
      if (d < 1) {
        throw new IllegalArgumentException("observation shape " + Arrays.toString(shape)
            + " is invalid; expected sizes >= 1");
      }
      w *= d;
    }
    if (w > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("observation shape " + Arrays.toString(shape) + " is too large");
    }
    return (int) w;
  }

  private static void check(String name, long actual, long expected, String what) {
    if (actual != expected) {
      throw new IllegalArgumentException(name + " holds " + actual + " values; expected " + expected + " (" + what
          + ")");
    }
  }

  /** Rows (transitions). */
  public int size() {
    return actions.length;
  }

  /** Floats per observation. */
  public int observationWidth() {
    return widthOf(observationShape);
  }

  /** Row {@code i}'s observation, a copy. */
  public float[] observation(int i) {
    int w = observationWidth();
    return Arrays.copyOfRange(observations, i * w, (i + 1) * w);
  }

  /** Row {@code i}'s next observation, a copy. */
  public float[] nextObservation(int i) {
    int w = observationWidth();
    return Arrays.copyOfRange(nextObservations, i * w, (i + 1) * w);
  }

  /** The largest action in the data, or -1 if there are no rows. */
  public int maxAction() {
    return Arrays.stream(actions).max().orElse(-1);
  }

  /** The undiscounted return of every episode that ends in the data (terminated or truncated), in order. */
  public List<Double> episodeReturns() {
    List<Double> out = new ArrayList<>();
    double sum = 0;
    for (int i = 0; i < size(); i++) {
      sum += rewards[i];
      if (terminations[i] || truncations[i]) {
        out.add(sum);
        sum = 0;
      }
    }
    return out;
  }

  /** Whether {@code other} holds the same info, shape and arrays, element for element. */
  public boolean sameAs(Dataset other) {
    return info.equals(other.info) && Arrays.equals(observationShape, other.observationShape)
        && Arrays.equals(observations, other.observations) && Arrays.equals(actions, other.actions)
        && Arrays.equals(rewards, other.rewards) && Arrays.equals(terminations, other.terminations)
        && Arrays.equals(truncations, other.truncations) && Arrays.equals(nextObservations, other.nextObservations);
  }

  @Override
  public String toString() {
    return "Dataset(" + info.envId() + ", " + size() + " transitions, observations " + Arrays.toString(observationShape)
        + ", policy " + (info.policy().isEmpty() ? "unknown" : info.policy()) + ")";
  }
}
