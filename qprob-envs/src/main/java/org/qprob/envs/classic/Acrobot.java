package org.qprob.envs.classic;

import java.util.SplittableRandom;
import org.qprob.api.env.Box;
import org.qprob.api.env.Space;
import org.qprob.api.env.StepResult;
import org.qprob.envs.EpisodicEnvironment;

/**
 * Gymnasium 1.4's {@code AcrobotEnv} ("book" dynamics, no torque noise): two links, torque -1, 0 or +1 on the
 * joint between them (actions 0, 1, 2), one classic Runge-Kutta-4 step of {@code dt = 0.2} per action with the same
 * floating-point operations in the same order as Gymnasium, so the state matches it bit for bit. Angles are wrapped
 * into {@code [-pi, pi]}, velocities clipped to {@code 4 pi} and {@code 9 pi}. The observation is
 * {@code [cos t1, sin t1, cos t2, sin t2, dt1, dt2]} in float32; the state is {@code [t1, t2, dt1, dt2]}. The episode
 * terminates when {@code -cos t1 - cos(t2 + t1) > 1}; the reward is -1 per step and 0 on the terminating step. The
 * initial state is uniform in {@code (-0.1, 0.1)^4}, rounded to float32 as Gymnasium does. No time limit here:
 * {@link AcrobotProvider} adds Gymnasium's 500 steps. Every sine and cosine comes from a {@link SinCos}: by default
 * the float64 sin/cos of NumPy 1.22–1.24 on AVX-512 that the golden trace was recorded with. NumPy's sin/cos differ in
 * the last bit between releases and CPUs, and Acrobot's chaotic dynamics carry such a bit into the float32
 * observation after a few hundred steps in some episodes.
 */
public final class Acrobot extends EpisodicEnvironment {
  static final double DT = 0.2;
  static final double LINK_LENGTH_1 = 1.0;
  static final double LINK_MASS_1 = 1.0;
  static final double LINK_MASS_2 = 1.0;
  static final double LINK_COM_POS_1 = 0.5;
  static final double LINK_COM_POS_2 = 0.5;
  static final double LINK_MOI = 1.0;
  static final double MAX_VEL_1 = 4 * Math.PI;
  static final double MAX_VEL_2 = 9 * Math.PI;
  static final double GRAVITY = 9.8;
  private static final double[] AVAIL_TORQUE = {-1.0, 0.0, 1.0};

  private static final Box OBSERVATION_SPACE = new Box(
      new float[] {-1f, -1f, -1f, -1f, (float) -MAX_VEL_1, (float) -MAX_VEL_2},
      new float[] {1f, 1f, 1f, 1f, (float) MAX_VEL_1, (float) MAX_VEL_2});

  private final double[] s = new double[4];
  private final double[] y = new double[4];
  private final double[] k1 = new double[4];
  private final double[] k2 = new double[4];
  private final double[] k3 = new double[4];
  private final double[] k4 = new double[4];

  private final SinCos trig;

  /** Acrobot with the sine and cosine the golden trace was recorded with ({@link SinCos#SVML}). */
  public Acrobot() {
    this(SinCos.SVML);
  }

  Acrobot(SinCos trig) {
    super("Acrobot-v1", 3);
    this.trig = trig;
  }

  @Override
  public Space observationSpace() {
    return OBSERVATION_SPACE;
  }

  @Override
  protected float[] start(SplittableRandom random) {
    for (int i = 0; i < 4; i++) {
      s[i] = (float) random.nextDouble(-0.1, 0.1);
    }
    return observation();
  }

  @Override
  protected float[] startIn(double[] state) {
    if (state.length != 4) {
      throw badState(state, "[theta1, theta2, dtheta1, dtheta2]");
    }
    System.arraycopy(state, 0, s, 0, 4);
    return observation();
  }

  @Override
  public double[] state() {
    return s.clone();
  }

  @Override
  protected StepResult advance(int action) {
    double torque = AVAIL_TORQUE[action];
    // Gymnasium's rk4 over t = [0, dt]: dt = t[1] - t[0], half step dt / 2.0. The torque rides along as a fifth state
    // component with derivative 0, so it stays exactly `torque` in every stage.
    double dt = DT - 0.0;
    double dt2 = dt / 2.0;
    derivatives(s, torque, k1);
    for (int i = 0; i < 4; i++) {
      y[i] = s[i] + dt2 * k1[i];
    }
    derivatives(y, torque, k2);
    for (int i = 0; i < 4; i++) {
      y[i] = s[i] + dt2 * k2[i];
    }
    derivatives(y, torque, k3);
    for (int i = 0; i < 4; i++) {
      y[i] = s[i] + dt * k3[i];
    }
    derivatives(y, torque, k4);
    double sixth = dt / 6.0;
    for (int i = 0; i < 4; i++) {
      s[i] = s[i] + sixth * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }
    s[0] = wrap(s[0], -Math.PI, Math.PI);
    s[1] = wrap(s[1], -Math.PI, Math.PI);
    s[2] = bound(s[2], -MAX_VEL_1, MAX_VEL_1);
    s[3] = bound(s[3], -MAX_VEL_2, MAX_VEL_2);
    boolean terminated = -trig.cos(s[0]) - trig.cos(s[1] + s[0]) > 1.0;
    return new StepResult(observation(), terminated ? 0.0 : -1.0, terminated, false);
  }

  /**
   * Gymnasium's {@code _dsdt} ("book" branch), each expression in Python's evaluation order. Its squares
   * {@code x**2} are the C library's {@code pow(x, 2.0)}, which glibc does not always round correctly; {@code x * x}
   * here is, and the two agree on every step of both recorded traces.
   */
  private void derivatives(double[] q, double a, double[] out) {
    final double m1 = LINK_MASS_1;
    final double m2 = LINK_MASS_2;
    final double l1 = LINK_LENGTH_1;
    final double lc1 = LINK_COM_POS_1;
    final double lc2 = LINK_COM_POS_2;
    final double i1 = LINK_MOI;
    final double i2 = LINK_MOI;
    final double g = GRAVITY;
    double theta1 = q[0];
    double theta2 = q[1];
    double dtheta1 = q[2];
    double dtheta2 = q[3];
    double cosTheta2 = trig.cos(theta2);
    double sinTheta2 = trig.sin(theta2);
    double d1 = m1 * (lc1 * lc1) + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * cosTheta2) + i1 + i2;
    double d2 = m2 * (lc2 * lc2 + l1 * lc2 * cosTheta2) + i2;
    double phi2 = m2 * lc2 * g * trig.cos(theta1 + theta2 - Math.PI / 2.0);
    double phi1 = -m2 * l1 * lc2 * (dtheta2 * dtheta2) * sinTheta2
        - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * sinTheta2
        + (m1 * lc1 + m2 * l1) * g * trig.cos(theta1 - Math.PI / 2)
        + phi2;
    double ddtheta2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * (dtheta1 * dtheta1) * sinTheta2 - phi2)
        / (m2 * (lc2 * lc2) + i2 - (d2 * d2) / d1);
    double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
    out[0] = dtheta1;
    out[1] = dtheta2;
    out[2] = ddtheta1;
    out[3] = ddtheta2;
  }

  /** Gymnasium's {@code wrap}: shifts {@code x} by whole periods into {@code [lo, hi]}. */
  static double wrap(double x, double lo, double hi) {
    double diff = hi - lo;
    while (x > hi) {
      x = x - diff;
    }
    while (x < lo) {
      x = x + diff;
    }
    return x;
  }

  /** Gymnasium's {@code bound}: {@code min(max(x, lo), hi)} with Python's comparison semantics. */
  static double bound(double x, double lo, double hi) {
    double atLeast = lo > x ? lo : x;
    return hi < atLeast ? hi : atLeast;
  }

  private float[] observation() {
    return new float[] {(float) trig.cos(s[0]), (float) trig.sin(s[0]), (float) trig.cos(s[1]),
        (float) trig.sin(s[1]), (float) s[2], (float) s[3]};
  }

  @Override
  public String toString() {
    return "Acrobot-v1(sin_cos=" + trig.optionName() + ")";
  }
}
