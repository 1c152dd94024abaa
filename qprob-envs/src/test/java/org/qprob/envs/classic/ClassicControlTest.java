package org.qprob.envs.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qprob.api.env.Environment;
import org.qprob.api.env.StepResult;
import org.qprob.envs.Environments;

class ClassicControlTest {
  @Test
  void cartPoleStartsUniformlyNearUprightAndPaysOneIncludingTheTerminatingStep() {
    CartPole env = new CartPole(false);
    for (long seed = 0; seed < 200; seed++) {
      float[] obs = env.reset(seed);
      for (float v : obs) {
        assertThat(v).isBetween(-0.05f, 0.05f);
      }
    }
    env.resetTo(new double[] {2.39, 1.0, 0.0, 0.0});
    StepResult r = env.step(1);
    assertThat(r.terminated()).isTrue();
    assertThat(r.truncated()).isFalse();
    assertThat(r.reward()).isEqualTo(1.0);
    assertThat(r.observation()[0]).isEqualTo((float) (2.39 + 0.02 * 1.0));
  }

  @Test
  void cartPoleTerminatesBeyondTwelveDegreesEitherWay() {
    CartPole env = new CartPole(false);
    double threshold = 12 * 2 * Math.PI / 360;
    env.resetTo(new double[] {0, 0, threshold - 1e-3, 0.1});
    assertThat(env.step(0).terminated()).isTrue(); // theta + 0.02 * 0.1 > threshold
    env.resetTo(new double[] {0, 0, -threshold + 1e-3, -0.1});
    assertThat(env.step(1).terminated()).isTrue();
    env.resetTo(new double[] {0, 0, threshold - 3e-3, 0.1});
    assertThat(env.step(0).terminated()).isFalse();
  }

  @Test
  void cartPoleSuttonBartoRewardIsZeroThenMinusOne() {
    Environment env = Environments.make("CartPole-v1", Map.of("sutton_barto_reward", true));
    env.resetTo(new double[] {0, 0, 0, 0});
    assertThat(env.step(1).reward()).isEqualTo(0.0);
    env.resetTo(new double[] {2.39, 1.0, 0.0, 0.0});
    assertThat(env.step(1).reward()).isEqualTo(-1.0);
  }

  @Test
  void cartPoleFollowsTheEulerEquationsOfMotion() {
    CartPole env = new CartPole(false);
    env.resetTo(new double[] {0.1, -0.2, 0.05, 0.3});
    env.step(1);
    double[] s = env.state();
    // Independently written: Florian's cart-pole equations with g 9.8, m_c 1, m_p 0.1, l 0.5, F 10, tau 0.02.
    double theta = 0.05;
    double thetaDot = 0.3;
    double temp = (10 + 0.05 * thetaDot * thetaDot * Math.sin(theta)) / 1.1;
    double thetaAcc = (9.8 * Math.sin(theta) - Math.cos(theta) * temp)
        / (0.5 * (4.0 / 3.0 - 0.1 * Math.cos(theta) * Math.cos(theta) / 1.1));
    double xAcc = temp - 0.05 * thetaAcc * Math.cos(theta) / 1.1;
    assertThat(s[0]).isCloseTo(0.1 + 0.02 * -0.2, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(s[1]).isCloseTo(-0.2 + 0.02 * xAcc, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(s[2]).isCloseTo(0.05 + 0.02 * 0.3, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(s[3]).isCloseTo(0.3 + 0.02 * thetaAcc, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void acrobotWrapsAnglesClipsVelocitiesAndPaysMinusOneUntilTheGoal() {
    assertThat(Acrobot.wrap(4.0, -Math.PI, Math.PI)).isEqualTo(4.0 - 2 * Math.PI);
    assertThat(Acrobot.wrap(-7.0, -Math.PI, Math.PI)).isEqualTo(-7.0 + 2 * Math.PI);
    assertThat(Acrobot.wrap(Math.PI, -Math.PI, Math.PI)).isEqualTo(Math.PI);
    assertThat(Acrobot.bound(50.0, -4 * Math.PI, 4 * Math.PI)).isEqualTo(4 * Math.PI);
    assertThat(Acrobot.bound(-50.0, -9 * Math.PI, 9 * Math.PI)).isEqualTo(-9 * Math.PI);

    Acrobot env = new Acrobot();
    for (long seed = 0; seed < 100; seed++) {
      env.reset(seed);
      for (double v : env.state()) {
        assertThat(v).isBetween(-0.1, 0.1).isEqualTo((double) (float) v);
      }
    }
    env.resetTo(new double[] {0, 0, 0, 0});
    StepResult hanging = env.step(1);
    assertThat(hanging.reward()).isEqualTo(-1.0);
    assertThat(hanging.terminated()).isFalse();
    for (float v : new float[] {hanging.observation()[1], hanging.observation()[3], hanging.observation()[4],
        hanging.observation()[5]}) {
      assertThat(Math.abs(v)).isLessThan(1e-12f); // hanging still: an equilibrium without torque
    }
    env.resetTo(new double[] {3.0, 0, 0, 0});
    StepResult up = env.step(1);
    assertThat(up.terminated()).isTrue();
    assertThat(up.reward()).isEqualTo(0.0);
  }

  @Test
  void acrobotConservesEnergyWithoutTorqueOverOneStep() {
    // With no torque the RK4 step should nearly conserve the total energy of the double pendulum.
    Acrobot env = new Acrobot();
    double[] start = {0.4, -0.3, 0.2, 0.1};
    env.resetTo(start);
    env.step(1);
    assertThat(energy(env.state())).isCloseTo(energy(start), org.assertj.core.data.Offset.offset(1e-3));
  }

  /** Kinetic plus potential energy of the book Acrobot (m = 1, l1 = 1, lc = 0.5, I = 1, g = 9.8). */
  private static double energy(double[] s) {
    double t1 = s[0];
    double t2 = s[1];
    double d1 = s[2];
    double d2 = s[3];
    double m11 = 0.25 + (1 + 0.25 + Math.cos(t2)) + 2;
    double m12 = (0.25 + 0.5 * Math.cos(t2)) + 1;
    double m22 = 0.25 + 1;
    double kinetic = 0.5 * (m11 * d1 * d1 + 2 * m12 * d1 * d2 + m22 * d2 * d2);
    double potential = -9.8 * (0.5 * Math.cos(t1) + (Math.cos(t1) + 0.5 * Math.cos(t1 + t2)));
    return kinetic + potential;
  }

  @Test
  void mountainCarStopsAtTheLeftWallAndTerminatesAtTheGoal() {
    MountainCar env = new MountainCar(0.0);
    env.resetTo(new double[] {-1.19, -0.05});
    StepResult r = env.step(0);
    assertThat(env.state()).containsExactly(-1.2, 0.0);
    assertThat(r.reward()).isEqualTo(-1.0);
    assertThat(r.terminated()).isFalse();
    env.resetTo(new double[] {0.49, 0.05});
    assertThat(env.step(2).terminated()).isTrue();
    env.resetTo(new double[] {0.0, 0.07});
    env.step(2);
    assertThat(env.state()[1]).isLessThanOrEqualTo(0.07);
    for (long seed = 0; seed < 100; seed++) {
      float[] obs = env.reset(seed);
      assertThat(obs[0]).isBetween(-0.6f, -0.4f);
      assertThat(obs[1]).isZero();
    }
  }

  @Test
  void sinCosIsAnOptionOfCartPoleAndAcrobot() {
    assertThat(Environments.make("Acrobot-v1").toString()).contains("sin_cos=svml");
    assertThat(Environments.make("Acrobot-v1", Map.of("sin_cos", "correctly-rounded")).toString())
        .contains("sin_cos=correctly-rounded");
    assertThat(Environments.make("CartPole-v1", Map.of("sin_cos", "correctly-rounded")).toString())
        .contains("sin_cos=correctly-rounded");
    assertThatThrownBy(() -> Environments.make("Acrobot-v1", Map.of("sin_cos", "libm")))
        .hasMessage("env Acrobot-v1: option sin_cos = \"libm\" is invalid; expected one of [svml, correctly-rounded]");
  }

  @Test
  void mountainCarGoalVelocityIsAnOption() {
    Environment env = Environments.make("MountainCar-v0", Map.of("goal_velocity", 0.06));
    env.resetTo(new double[] {0.49, 0.05});
    assertThat(env.step(2).terminated()).isFalse(); // at the goal, but slower than 0.06
    assertThatThrownBy(() -> Environments.make("MountainCar-v0", Map.of("goal_velocity", 1.0)))
        .hasMessage("env MountainCar-v0: option goal_velocity = 1.0 is invalid; expected a number in [-0.07, 0.07]");
  }

  @Test
  void mountainCarIsTruncatedAfterTwoHundredSteps() {
    Environment env = Environments.make("MountainCar-v0");
    env.reset(0L);
    for (int i = 1; i < 200; i++) {
      StepResult r = env.step(1);
      assertThat(r.done()).as("step %d", i).isFalse();
    }
    StepResult last = env.step(1);
    assertThat(last.truncated()).isTrue();
    assertThat(last.terminated()).isFalse();
  }
}
