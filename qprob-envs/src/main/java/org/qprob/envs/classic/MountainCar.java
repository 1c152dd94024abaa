package org.qprob.envs.classic;

import java.util.SplittableRandom;
import org.qprob.api.env.Box;
import org.qprob.api.env.Space;
import org.qprob.api.env.StepResult;
import org.qprob.envs.EpisodicEnvironment;

/**
 * Gymnasium 1.4's {@code MountainCarEnv}: a car in a valley pushed left, not at all, or right (actions 0, 1, 2) with
 * force 0.001 against gravity 0.0025; velocity clipped to {@code [-0.07, 0.07]}, position to {@code [-1.2, 0.6]},
 * and the velocity set to 0 when the car hits the left wall moving left. The episode terminates when
 * {@code position >= 0.5} and {@code velocity >= goal_velocity}; the reward is -1 on every step. The state and the
 * float32 observation are {@code [position, velocity]}; the initial position is uniform in {@code (-0.6, -0.4)} with
 * velocity 0. No time limit here: {@link MountainCarProvider} adds Gymnasium's 200 steps.
 */
public final class MountainCar extends EpisodicEnvironment {
  static final double MIN_POSITION = -1.2;
  static final double MAX_POSITION = 0.6;
  static final double MAX_SPEED = 0.07;
  static final double GOAL_POSITION = 0.5;
  static final double FORCE = 0.001;
  static final double GRAVITY = 0.0025;

  private static final Box OBSERVATION_SPACE = new Box(
      new float[] {(float) MIN_POSITION, (float) -MAX_SPEED}, new float[] {(float) MAX_POSITION, (float) MAX_SPEED});

  private final double goalVelocity;
  private double position;
  private double velocity;

  /** @param goalVelocity Gymnasium's {@code goal_velocity}: the least velocity at the goal that ends the episode */
  public MountainCar(double goalVelocity) {
    super("MountainCar-v0", 3);
    if (!Double.isFinite(goalVelocity)) {
      throw new IllegalArgumentException("MountainCar-v0: goal_velocity must be finite, got " + goalVelocity);
    }
    this.goalVelocity = goalVelocity;
  }

  @Override
  public Space observationSpace() {
    return OBSERVATION_SPACE;
  }

  @Override
  protected float[] start(SplittableRandom random) {
    position = random.nextDouble(-0.6, -0.4);
    velocity = 0.0;
    return observation();
  }

  @Override
  protected float[] startIn(double[] state) {
    if (state.length != 2) {
      throw badState(state, "[position, velocity]");
    }
    position = state[0];
    velocity = state[1];
    return observation();
  }

  @Override
  public double[] state() {
    return new double[] {position, velocity};
  }

  @Override
  protected StepResult advance(int action) {
    // Gymnasium calls Python's math.cos (the C library's) here, not numpy's; Java's Math.cos agrees on the trace.
    velocity += (action - 1) * FORCE + Math.cos(3 * position) * (-GRAVITY);
    velocity = clip(velocity, -MAX_SPEED, MAX_SPEED);
    position += velocity;
    position = clip(position, MIN_POSITION, MAX_POSITION);
    if (position == MIN_POSITION && velocity < 0) {
      velocity = 0.0;
    }
    boolean terminated = position >= GOAL_POSITION && velocity >= goalVelocity;
    return new StepResult(observation(), -1.0, terminated, false);
  }

  /** numpy's {@code clip}: {@code min(max(x, lo), hi)}. */
  private static double clip(double x, double lo, double hi) {
    double atLeast = x < lo ? lo : x;
    return atLeast > hi ? hi : atLeast;
  }

  private float[] observation() {
    return new float[] {(float) position, (float) velocity};
  }

  @Override
  public String toString() {
    return "MountainCar-v0(goal_velocity=" + goalVelocity + ")";
  }
}
