package org.qprob.api.run;

/**
 * Where a training loop stands at an episode boundary: what a resumed loop needs besides the agent's own checkpoint.
 * Episode {@code i} resets its environment with a seed derived from the loop seed and {@code i}, and evaluations run
 * at multiples of their period in env steps, so no environment or evaluation state is needed beyond these counters.
 *
 * @param episodes training episodes finished; the next episode has this index
 * @param envSteps training env steps taken
 * @param gradientSteps gradient steps the agent reported taking
 * @param wallSeconds wall-clock seconds the loop had run; a resumed loop's clock continues from here
 */
public record TrainingPosition(long episodes, long envSteps, long gradientSteps, double wallSeconds) {
  /** A loop that has not started. */
  public static final TrainingPosition START = new TrainingPosition(0, 0, 0, 0);

  public TrainingPosition {
    if (episodes < 0 || envSteps < 0 || episodes > envSteps) {
      throw new IllegalArgumentException("training position = " + episodes + " episodes, " + envSteps
          + " env steps is invalid; expected 0 <= episodes <= env steps");
    }
    if (gradientSteps < 0) {
      throw new IllegalArgumentException("training position gradient steps = " + gradientSteps
          + " is invalid; expected >= 0");
    }
    if (!(wallSeconds >= 0) || Double.isInfinite(wallSeconds)) {
      throw new IllegalArgumentException("training position wall seconds = " + wallSeconds
          + " is invalid; expected a finite number >= 0");
    }
  }
}
