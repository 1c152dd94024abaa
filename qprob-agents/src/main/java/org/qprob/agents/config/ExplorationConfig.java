package org.qprob.agents.config;

import java.util.List;

/**
 * How the agent explores while training, and how its exploration parameter (ε, or the Boltzmann temperature T)
 * moves. Evaluation is always greedy.
 *
 * @param kind {@code epsilon-greedy} (a uniform random action with probability ε, else the greedy one),
 *     {@code boltzmann} (sample from softmax(preference / T): preference = Q for point heads, mu / beta(s) for Gumbel
 *     heads, as the original q-prob script) or {@code greedy}; default {@code epsilon-greedy}
 * @param start the parameter's first value; default 1.0
 * @param end the value the schedule stops at; default 0.01
 * @param decay for {@code exponential}: after each unit, {@code value = max(end, value * decay)}; default 0.995
 * @param schedule {@code exponential} or {@code linear} (from start to end over {@code decaySteps} units, then
 *     constant); default {@code exponential}
 * @param unit what advances the schedule: {@code episode} (after each episode end) or {@code step} (after each
 *     environment step); default {@code episode}
 * @param decaySteps units a {@code linear} schedule takes from start to end; default 10,000
 */
public record ExplorationConfig(String kind, double start, double end, double decay, String schedule, String unit,
    long decaySteps) {

  /** Valid {@link #kind} values. */
  public static final List<String> KINDS = ConfigKey.keys(ExplorationKind.class);
  /** Valid {@link #schedule} values. */
  public static final List<String> SCHEDULES = ConfigKey.keys(ScheduleShape.class);
  /** Valid {@link #unit} values. */
  public static final List<String> UNITS = ConfigKey.keys(ScheduleUnit.class);

  public ExplorationConfig {
    ExplorationKind explorationKind = ConfigKey.of(ExplorationKind.class, "exploration.kind", kind);
    ScheduleShape shape = ConfigKey.of(ScheduleShape.class, "exploration.schedule", schedule);
    ConfigKey.of(ScheduleUnit.class, "exploration.unit", unit);
    ConfigChecks.atLeast("exploration.decaySteps", decaySteps, 1);
    if (explorationKind.parameterIsProbability()) {
      ConfigChecks.range("exploration.start", start, 0, 1, "an epsilon in [0, 1]");
      ConfigChecks.range("exploration.end", end, 0, 1, "an epsilon in [0, 1]");
    } else {
      ConfigChecks.range("exploration.start", start, Double.MIN_VALUE, 1e12, "a temperature > 0");
      ConfigChecks.range("exploration.end", end, Double.MIN_VALUE, 1e12, "a temperature > 0");
    }
    ConfigChecks.range("exploration.decay", decay, Double.MIN_VALUE, 1, "a factor in (0, 1]");
    if (shape == ScheduleShape.EXPONENTIAL && end > start) {
      throw new IllegalArgumentException("exploration.end = " + end + " is invalid for an exponential schedule; expected <= exploration.start = "
          + start + " (use schedule linear to increase)");
    }
  }

  /** ε-greedy from 1.0 to 0.01, ×0.995 after each episode (the original L2 script). */
  public static ExplorationConfig defaults() {
    return new ExplorationConfig("epsilon-greedy", 1.0, 0.01, 0.995, "exponential", "episode", 10_000);
  }

  /** Boltzmann with the temperature from {@code start} to {@code end}, ×{@code decay} after each episode. */
  public static ExplorationConfig boltzmann(double start, double end, double decay) {
    return new ExplorationConfig("boltzmann", start, end, decay, "exponential", "episode", 10_000);
  }

  /** Boltzmann at a fixed temperature, e.g. softmax(Q / alpha) for soft Q-learning. */
  public static ExplorationConfig boltzmannFixed(double temperature) {
    return new ExplorationConfig("boltzmann", temperature, temperature, 1.0, "exponential", "episode", 10_000);
  }

  /** ε-greedy, decaying exponentially ×{@code decay} per {@code unit} from {@code start} to {@code end}. */
  public static ExplorationConfig epsilonGreedy(double start, double end, double decay, String unit) {
    return new ExplorationConfig("epsilon-greedy", start, end, decay, "exponential", unit, 10_000);
  }

  /** ε-greedy, linear from {@code start} to {@code end} over {@code steps} environment steps. */
  public static ExplorationConfig epsilonGreedyLinear(double start, double end, long steps) {
    return new ExplorationConfig("epsilon-greedy", start, end, 1.0, "linear", "step", steps);
  }

  /** {@link #kind} as its enum. */
  public ExplorationKind explorationKind() {
    return ConfigKey.of(ExplorationKind.class, "exploration.kind", kind);
  }

  /** {@link #schedule} as its enum. */
  public ScheduleShape scheduleShape() {
    return ConfigKey.of(ScheduleShape.class, "exploration.schedule", schedule);
  }

  /** {@link #unit} as its enum. */
  public ScheduleUnit scheduleUnit() {
    return ConfigKey.of(ScheduleUnit.class, "exploration.unit", unit);
  }
}
