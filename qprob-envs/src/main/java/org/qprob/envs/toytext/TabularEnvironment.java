package org.qprob.envs.toytext;

import java.util.SplittableRandom;
import org.qprob.api.env.Discrete;
import org.qprob.api.env.Space;
import org.qprob.api.env.StepResult;
import org.qprob.envs.EpisodicEnvironment;

/**
 * A toy-text environment driven by a {@link TransitionTable}: the observation is the state {@code [s]}; a step draws
 * one uniform number from the environment's generator when the action has several outcomes (slippery ice, rain) and
 * picks the first outcome whose cumulative probability exceeds it, as Gymnasium's {@code categorical_sample} does.
 * A step with a single possible outcome draws nothing.
 */
public abstract class TabularEnvironment extends EpisodicEnvironment {
  private final TransitionTable table;
  private final Discrete observationSpace;
  private int s;

  protected TabularEnvironment(String id, TransitionTable table) {
    super(id, table.actions());
    this.table = table;
    this.observationSpace = new Discrete(table.states());
  }

  /** The transition model, Gymnasium's {@code P}. */
  public final TransitionTable transitions() {
    return table;
  }

  @Override
  public final Space observationSpace() {
    return observationSpace;
  }

  /** The current state. */
  protected final int current() {
    return s;
  }

  /** Sets the current state (for subclasses that alter a transition, such as Taxi's fickle passenger). */
  protected final void moveTo(int state) {
    s = state;
  }

  /** Draws the initial state. */
  protected abstract int initialState(SplittableRandom random);

  /** Called when an episode starts, after the state is set (by a reset or {@link #resetTo}); does nothing here. */
  protected void episodeStarted() {}

  @Override
  protected final float[] start(SplittableRandom random) {
    s = initialState(random);
    episodeStarted();
    return new float[] {s};
  }

  @Override
  protected final float[] startIn(double[] state) {
    if (state.length != 1 || state[0] != Math.rint(state[0]) || !observationSpace.contains((int) state[0])) {
      throw badState(state, "[s] with s an integer in 0.." + (table.states() - 1));
    }
    s = (int) state[0];
    episodeStarted();
    return new float[] {s};
  }

  @Override
  public final double[] state() {
    return new double[] {s};
  }

  @Override
  protected StepResult advance(int action) {
    int k = table.deterministic(s, action) ? table.only(s, action) : table.select(s, action, random().nextDouble());
    s = table.next(k);
    return new StepResult(new float[] {s}, table.reward(k), table.terminated(k), false);
  }
}
