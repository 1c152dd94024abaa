package org.qprob.agents.exploration;

import org.qprob.agents.config.ExplorationConfig;
import org.qprob.agents.config.ScheduleShape;
import org.qprob.agents.config.ScheduleUnit;

/**
 * The exploration parameter (ε or temperature) over time. Exponential: after each unit
 * {@code value = max(end, value * decay)}, applied step by step as the original scripts do. Linear:
 * {@code start + (end - start) * min(1, units / decaySteps)}. The unit is an episode or an environment step.
 */
public final class ExplorationSchedule {
  private final ExplorationConfig config;
  private final boolean perStep;
  private final ScheduleShape shape;
  private long units;
  private double value;

  public ExplorationSchedule(ExplorationConfig config) {
    this.config = config;
    this.perStep = config.scheduleUnit() == ScheduleUnit.STEP;
    this.shape = config.scheduleShape();
    this.value = config.start();
  }

  /** The current value. */
  public double value() {
    return value;
  }

  /** Units elapsed. */
  public long units() {
    return units;
  }

  /** Called after every environment step. */
  public void onStep() {
    if (perStep) {
      advance();
    }
  }

  /** Called after every episode end. */
  public void onEpisodeEnd() {
    if (!perStep) {
      advance();
    }
  }

  private void advance() {
    units++;
    value = shape.next(config, units, value);
  }

  /** Continues from a saved state. */
  public void restore(long savedUnits, double savedValue) {
    this.units = savedUnits;
    this.value = savedValue;
  }

  @Override
  public String toString() {
    return "ExplorationSchedule(" + config + ", value=" + value + ", units=" + units + ")";
  }
}
