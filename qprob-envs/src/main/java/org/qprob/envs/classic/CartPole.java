package org.qprob.envs.classic;

import java.util.SplittableRandom;
import org.qprob.api.env.Box;
import org.qprob.api.env.Space;
import org.qprob.api.env.StepResult;
import org.qprob.envs.EpisodicEnvironment;

/**
 * Gymnasium 1.4's {@code CartPoleEnv}: a pole on a cart pushed left (action 0) or right (action 1) with force 10,
 * integrated by explicit Euler with {@code tau = 0.02} in double precision; the observation
 * {@code [x, x_dot, theta, theta_dot]} is the state rounded to float32. The episode terminates when
 * {@code |x| > 2.4} or {@code |theta| > 12 degrees}; the reward is 1 on every step including the terminating one
 * (with {@code sutton_barto_reward}: 0, and -1 on the terminating step). The initial state is uniform in
 * {@code (-0.05, 0.05)^4}. No time limit here: {@link CartPoleProvider} adds Gymnasium's 500 steps.
 */
public final class CartPole extends EpisodicEnvironment {
  static final double GRAVITY = 9.8;
  static final double MASS_CART = 1.0;
  static final double MASS_POLE = 0.1;
  static final double TOTAL_MASS = MASS_POLE + MASS_CART;
  /** Half the pole's length. */
  static final double LENGTH = 0.5;
  static final double POLE_MASS_LENGTH = MASS_POLE * LENGTH;
  static final double FORCE_MAG = 10.0;
  static final double TAU = 0.02;
  /** 12 degrees, computed as Gymnasium does: {@code 12 * 2 * pi / 360}. */
  static final double THETA_THRESHOLD_RADIANS = 12 * 2 * Math.PI / 360;
  static final double X_THRESHOLD = 2.4;

  private static final Box OBSERVATION_SPACE = new Box(
      new float[] {(float) (-X_THRESHOLD * 2), Float.NEGATIVE_INFINITY, (float) (-THETA_THRESHOLD_RADIANS * 2),
          Float.NEGATIVE_INFINITY},
      new float[] {(float) (X_THRESHOLD * 2), Float.POSITIVE_INFINITY, (float) (THETA_THRESHOLD_RADIANS * 2),
          Float.POSITIVE_INFINITY});

  private final boolean suttonBartoReward;
  private final SinCos trig;
  private double x;
  private double xDot;
  private double theta;
  private double thetaDot;

  /** @param suttonBartoReward Gymnasium's {@code sutton_barto_reward}: reward 0 per step and -1 on termination */
  public CartPole(boolean suttonBartoReward) {
    this(suttonBartoReward, SinCos.SVML);
  }

  CartPole(boolean suttonBartoReward, SinCos trig) {
    super("CartPole-v1", 2);
    this.suttonBartoReward = suttonBartoReward;
    this.trig = trig;
  }

  @Override
  public Space observationSpace() {
    return OBSERVATION_SPACE;
  }

  @Override
  protected float[] start(SplittableRandom random) {
    x = random.nextDouble(-0.05, 0.05);
    xDot = random.nextDouble(-0.05, 0.05);
    theta = random.nextDouble(-0.05, 0.05);
    thetaDot = random.nextDouble(-0.05, 0.05);
    return observation();
  }

  @Override
  protected float[] startIn(double[] state) {
    if (state.length != 4) {
      throw badState(state, "[x, x_dot, theta, theta_dot]");
    }
    x = state[0];
    xDot = state[1];
    theta = state[2];
    thetaDot = state[3];
    return observation();
  }

  @Override
  public double[] state() {
    return new double[] {x, xDot, theta, thetaDot};
  }

  @Override
  protected StepResult advance(int action) {
    double force = action == 1 ? FORCE_MAG : -FORCE_MAG;
    // Gymnasium calls numpy's cos and sin here: see SinCos.
    double cosTheta = trig.cos(theta);
    double sinTheta = trig.sin(theta);
    // The same operations in the same order as Gymnasium, so that every double matches.
    double temp = (force + POLE_MASS_LENGTH * (thetaDot * thetaDot) * sinTheta) / TOTAL_MASS;
    double thetaAcc = (GRAVITY * sinTheta - cosTheta * temp)
        / (LENGTH * (4.0 / 3.0 - MASS_POLE * (cosTheta * cosTheta) / TOTAL_MASS));
    double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cosTheta / TOTAL_MASS;
    x = x + TAU * xDot;
    xDot = xDot + TAU * xAcc;
    theta = theta + TAU * thetaDot;
    thetaDot = thetaDot + TAU * thetaAcc;
    boolean terminated = x < -X_THRESHOLD || x > X_THRESHOLD
        || theta < -THETA_THRESHOLD_RADIANS || theta > THETA_THRESHOLD_RADIANS;
    double reward = suttonBartoReward ? (terminated ? -1.0 : 0.0) : 1.0;
    return new StepResult(observation(), reward, terminated, false);
  }

  private float[] observation() {
    return new float[] {(float) x, (float) xDot, (float) theta, (float) thetaDot};
  }

  @Override
  public String toString() {
    return "CartPole-v1(sutton_barto_reward=" + suttonBartoReward + ", sin_cos=" + trig.optionName() + ")";
  }
}
