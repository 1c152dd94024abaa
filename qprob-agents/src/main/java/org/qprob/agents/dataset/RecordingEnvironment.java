package org.qprob.agents.dataset;

import org.qprob.api.agent.Transition;
import org.qprob.api.env.Discrete;
import org.qprob.api.env.Environment;
import org.qprob.api.env.Space;
import org.qprob.api.env.StepResult;

/**
 * An environment that passes everything through to the one it wraps and appends every step to a
 * {@link DatasetBuilder}: {@code (s, a, r, s', terminated, truncated)}, s being the observation the last reset or step
 * returned. It draws nothing and changes nothing, so a run through it is the run without it.
 */
public final class RecordingEnvironment implements Environment {
  private final Environment inner;
  private final DatasetBuilder builder;
  private float[] current;

  public RecordingEnvironment(Environment inner, DatasetBuilder builder) {
    this.inner = inner;
    this.builder = builder;
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
    current = inner.reset(seed).clone();
    return current.clone();
  }

  @Override
  public float[] reset() {
    current = inner.reset().clone();
    return current.clone();
  }

  @Override
  public float[] resetTo(double[] state) {
    current = inner.resetTo(state).clone();
    return current.clone();
  }

  @Override
  public double[] state() {
    return inner.state();
  }

  @Override
  public StepResult step(int action) {
    StepResult r = inner.step(action);
    float[] next = r.observation().clone();
    builder.add(new Transition(current, action, r.reward(), next, r.terminated(), r.truncated()));
    current = next;
    return r;
  }

  @Override
  public String toString() {
    return "RecordingEnvironment(" + inner + ")";
  }
}
