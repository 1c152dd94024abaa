package org.qprob.api.env;

/**
 * Gymnasium's {@code TimeLimit} wrapper: after {@code maxEpisodeSteps} steps of an episode the step result is marked
 * {@code truncated} (it may also be {@code terminated}); the wrapped environment is otherwise untouched.
 */
public final class TimeLimit implements Environment {
  private final Environment inner;
  private final int maxEpisodeSteps;
  private int elapsed;

  public TimeLimit(Environment inner, int maxEpisodeSteps) {
    if (maxEpisodeSteps <= 0) {
      throw new IllegalArgumentException("maxEpisodeSteps must be > 0, got " + maxEpisodeSteps);
    }
    this.inner = inner;
    this.maxEpisodeSteps = maxEpisodeSteps;
  }

  public int maxEpisodeSteps() {
    return maxEpisodeSteps;
  }

  /** The wrapped environment. */
  public Environment unwrapped() {
    return inner;
  }

  @Override
  public Space observationSpace() {
    return inner.observationSpace();
  }

  @Override
  public Discrete actionSpace() {
    return inner.actionSpace();
  }

  @Override
  public float[] reset(long seed) {
    elapsed = 0;
    return inner.reset(seed);
  }

  @Override
  public float[] reset() {
    elapsed = 0;
    return inner.reset();
  }

  @Override
  public float[] resetTo(double[] state) {
    elapsed = 0;
    return inner.resetTo(state);
  }

  @Override
  public double[] state() {
    return inner.state();
  }

  @Override
  public StepResult step(int action) {
    StepResult r = inner.step(action);
    elapsed++;
    if (elapsed >= maxEpisodeSteps && !r.truncated()) {
      return new StepResult(r.observation(), r.reward(), r.terminated(), true);
    }
    return r;
  }

  @Override
  public String toString() {
    return "TimeLimit(" + inner + ", " + maxEpisodeSteps + ")";
  }
}
