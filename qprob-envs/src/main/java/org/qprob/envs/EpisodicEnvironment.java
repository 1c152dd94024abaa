package org.qprob.envs;

import java.util.SplittableRandom;
import org.qprob.api.env.Discrete;
import org.qprob.api.env.Environment;
import org.qprob.api.env.StepResult;

/**
 * The episode bookkeeping every built-in environment shares: its own {@link SplittableRandom} (reseeded by
 * {@link #reset(long)}, continued by {@link #reset()}, created from {@link #DEFAULT_SEED} if used before any seed),
 * the check that an action lies in the action space, and the check that {@link #step} is called only inside a running
 * episode (after a reset and before a {@code terminated} result). Subclasses supply the dynamics.
 */
public abstract class EpisodicEnvironment implements Environment {
  /** The seed of the generator when it is used before any {@link #reset(long)}. */
  public static final long DEFAULT_SEED = 0L;

  private final String id;
  private final Discrete actionSpace;
  private final int actionCount;
  private SplittableRandom random;
  private boolean started;
  private boolean running;

  /**
   * @param id the environment's id, used in messages, e.g. {@code CartPole-v1}
   * @param actionCount the number of actions
   */
  protected EpisodicEnvironment(String id, int actionCount) {
    this.id = id;
    this.actionSpace = new Discrete(actionCount);
    this.actionCount = actionCount;
  }

  /** The id this environment was made as. */
  public final String id() {
    return id;
  }

  @Override
  public final Discrete actionSpace() {
    return actionSpace;
  }

  @Override
  public final float[] reset(long seed) {
    random = new SplittableRandom(seed);
    return begin(start(random));
  }

  @Override
  public final float[] reset() {
    return begin(start(random()));
  }

  @Override
  public final float[] resetTo(double[] state) {
    if (state == null) {
      throw new IllegalArgumentException(id + ": resetTo needs a state, got null");
    }
    return begin(startIn(state));
  }

  @Override
  public final StepResult step(int action) {
    if (action < 0 || action >= actionCount) {
      throw new IllegalArgumentException(id + ": action " + action + " is outside the action space; valid actions are 0.."
          + (actionCount - 1));
    }
    if (!running) {
      throw new IllegalStateException(id + ": step called " + (started ? "after the episode terminated" : "before the first reset")
          + "; call reset() first");
    }
    StepResult result = advance(action);
    if (result.terminated()) {
      running = false;
    }
    return result;
  }

  /** The environment's generator, created from {@link #DEFAULT_SEED} on first use if never seeded. */
  protected final SplittableRandom random() {
    if (random == null) {
      random = new SplittableRandom(DEFAULT_SEED);
    }
    return random;
  }

  /** The message prefix for a bad argument to {@link #resetTo}: {@code "<id>: resetTo state ..."}. */
  protected final IllegalArgumentException badState(double[] state, String expected) {
    return new IllegalArgumentException(id + ": resetTo state " + java.util.Arrays.toString(state) + " is invalid; expected "
        + expected);
  }

  /** Draws a random initial state from {@code random}, sets it, and returns its observation. */
  protected abstract float[] start(SplittableRandom random);

  /** Validates and sets {@code state} (the form {@link #state()} returns) and returns its observation. */
  protected abstract float[] startIn(double[] state);

  /** One step of the dynamics from the current state; called only inside a running episode with a valid action. */
  protected abstract StepResult advance(int action);

  private float[] begin(float[] observation) {
    started = true;
    running = true;
    return observation;
  }
}
