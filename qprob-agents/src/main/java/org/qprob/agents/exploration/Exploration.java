package org.qprob.agents.exploration;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.qprob.agents.config.ExplorationConfig;
import org.qprob.agents.config.ExplorationKind;
import org.qprob.agents.random.RandomStream;
import org.qprob.api.agent.ActMode;
import org.qprob.api.loss.OutputModel;

/**
 * Picks actions from per-action preferences (Q-values, or mu / beta for a Gumbel head): greedily, ε-greedily, or by
 * sampling softmax(preference / T), with ε or T from an {@link ExplorationSchedule}. All draws come from its own
 * {@link RandomStream}; greedy choices draw nothing. Ties go to the lowest action, as {@code argmax} in PyTorch.
 */
public final class Exploration {
  private final ExplorationKind kind;
  private final ExplorationSchedule schedule;
  private final RandomStream rng;
  private double[] scratch = new double[0];

  public Exploration(ExplorationConfig config, RandomStream rng) {
    this.kind = config.explorationKind();
    this.schedule = new ExplorationSchedule(config);
    this.rng = rng;
  }

  /** An action for {@code preferences}. */
  public int select(double[] preferences, ActMode mode) {
    if (mode == ActMode.GREEDY) {
      return argmax(preferences);
    }
    return switch (kind) {
      case GREEDY -> argmax(preferences);
      case EPSILON_GREEDY -> rng.nextDouble() < schedule.value() ? rng.nextInt(preferences.length)
          : argmax(preferences);
      case BOLTZMANN -> sampleSoftmax(preferences, schedule.value(), rng.nextDouble());
    };
  }

  /** The index of the largest value, the first one on ties ({@link OutputModel#argmax}). */
  public static int argmax(double[] values) {
    return OutputModel.argmax(values);
  }

  /** softmax(values / temperature), stably. */
  public static double[] softmax(double[] values, double temperature) {
    double[] p = new double[values.length];
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      max = Math.max(max, v / temperature);
    }
    double sum = 0;
    for (int a = 0; a < values.length; a++) {
      p[a] = Math.exp(values[a] / temperature - max);
      sum += p[a];
    }
    for (int a = 0; a < values.length; a++) {
      p[a] /= sum;
    }
    return p;
  }

  private int sampleSoftmax(double[] values, double temperature, double u) {
    if (scratch.length != values.length) {
      scratch = new double[values.length];
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      max = Math.max(max, v / temperature);
    }
    double sum = 0;
    for (int a = 0; a < values.length; a++) {
      scratch[a] = Math.exp(values[a] / temperature - max);
      sum += scratch[a];
    }
    double threshold = u * sum;
    double acc = 0;
    for (int a = 0; a < values.length; a++) {
      acc += scratch[a];
      if (threshold < acc) {
        return a;
      }
    }
    return values.length - 1;
  }

  /** The current ε or temperature. */
  public double parameter() {
    return schedule.value();
  }

  /** Called after every environment step. */
  public void onStep() {
    schedule.onStep();
  }

  /** Called after every episode end. */
  public void onEpisodeEnd() {
    schedule.onEpisodeEnd();
  }

  /** Writes the generator and the schedule. */
  public void write(DataOutputStream out) throws IOException {
    out.writeLong(rng.state());
    out.writeLong(schedule.units());
    out.writeDouble(schedule.value());
  }

  /** Restores what {@link #write} wrote. */
  public void read(DataInputStream in) throws IOException {
    rng.restore(in.readLong());
    long units = in.readLong();
    schedule.restore(units, in.readDouble());
  }

  @Override
  public String toString() {
    return "Exploration(" + kind + ", " + schedule + ")";
  }
}
