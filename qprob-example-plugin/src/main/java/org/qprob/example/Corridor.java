package org.qprob.example;

import java.util.SplittableRandom;
import org.qprob.api.env.Discrete;
import org.qprob.api.env.Environment;
import org.qprob.api.env.Space;
import org.qprob.api.env.StepResult;

/**
 * {@code Corridor-v0}: cells {@code 0..length-1}, start in cell 0; action 0 steps left (a wall at cell 0), action 1
 * steps right. Reaching the last cell terminates the episode with reward 1; every other step pays 0. Deterministic,
 * so the generator only exists to honour {@link #reset(long)}. The observation is the cell, {@code Discrete(length)}.
 */
public final class Corridor implements Environment {
  private final int length;
  private final Discrete observationSpace;
  private final Discrete actionSpace = new Discrete(2);
  private SplittableRandom random;
  private int cell;
  private boolean running;

  /** @param length the number of cells, at least 2 */
  public Corridor(int length) {
    if (length < 2) {
      throw new IllegalArgumentException("Corridor-v0: length " + length + " is invalid; expected an integer >= 2");
    }
    this.length = length;
    this.observationSpace = new Discrete(length);
  }

  @Override
  public Space observationSpace() {
    return observationSpace;
  }

  @Override
  public Discrete actionSpace() {
    return actionSpace;
  }

  @Override
  public float[] reset(long seed) {
    random = new SplittableRandom(seed);
    return reset();
  }

  @Override
  public float[] reset() {
    if (random == null) {
      random = new SplittableRandom(0);
    }
    return resetTo(new double[] {0});
  }

  @Override
  public float[] resetTo(double[] state) {
    if (state == null || state.length != 1 || state[0] != Math.rint(state[0]) || !observationSpace.contains((int) state[0])) {
      throw new IllegalArgumentException("Corridor-v0: resetTo state is invalid; expected [s] with s an integer in 0.."
          + (length - 1));
    }
    cell = (int) state[0];
    running = true;
    return new float[] {cell};
  }

  @Override
  public double[] state() {
    return new double[] {cell};
  }

  @Override
  public StepResult step(int action) {
    if (!actionSpace.contains(action)) {
      throw new IllegalArgumentException("Corridor-v0: action " + action + " is invalid; expected 0 (left) or 1 (right)");
    }
    if (!running) {
      throw new IllegalStateException("Corridor-v0: step outside an episode; call reset() first");
    }
    cell = action == 1 ? cell + 1 : Math.max(cell - 1, 0);
    boolean atEnd = cell == length - 1;
    running = !atEnd;
    return new StepResult(new float[] {cell}, atEnd ? 1.0 : 0.0, atEnd, false);
  }

  @Override
  public String toString() {
    return "Corridor-v0(length=" + length + ")";
  }
}
