package org.qprob.agents.config;

/** How the exploration parameter moves from {@code start} toward {@code end}, one unit at a time. */
public enum ScheduleShape implements ConfigKey {
  /** {@code value = max(end, value * decay)} after each unit. */
  EXPONENTIAL("exponential") {
    @Override
    public double next(ExplorationConfig c, long units, double value) {
      return Math.max(c.end(), value * c.decay());
    }
  },
  /** {@code start + (end - start) * min(1, units / decaySteps)}. */
  LINEAR("linear") {
    @Override
    public double next(ExplorationConfig c, long units, double value) {
      double f = Math.min(1.0, (double) units / c.decaySteps());
      return c.start() + (c.end() - c.start()) * f;
    }
  };

  private final String key;

  ScheduleShape(String key) {
    this.key = key;
  }

  @Override
  public String key() {
    return key;
  }

  /** The value after {@code units} units, from {@code value} after one fewer. */
  public abstract double next(ExplorationConfig config, long units, double value);
}
