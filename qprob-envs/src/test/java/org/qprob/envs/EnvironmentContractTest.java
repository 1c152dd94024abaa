package org.qprob.envs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qprob.api.env.Box;
import org.qprob.api.env.Discrete;
import org.qprob.api.env.Environment;
import org.qprob.api.env.EnvironmentProvider;
import org.qprob.api.env.StepResult;
import org.qprob.api.env.TimeLimit;
import org.qprob.envs.toytext.Taxi;

/** What every built-in environment promises, whatever its dynamics. */
class EnvironmentContractTest {
  static final String[] IDS = {"CartPole-v1", "Acrobot-v1", "MountainCar-v0", "FrozenLake-v1", "FrozenLake8x8-v1",
      "CliffWalking-v1", "CliffWalkingSlippery-v1", "Taxi-v3", "Taxi-v4", "NoisyChain-v0"};

  @Test
  void registersEveryIdWithGymnasiumsLimitsAndThresholds() {
    Map<String, EnvironmentProvider> all = Environments.registry().all();
    assertThat(all.keySet()).contains(IDS);
    record Registration(int maxSteps, Double threshold) {}
    Map<String, Registration> expected = Map.of(
        "CartPole-v1", new Registration(500, 475.0),
        "Acrobot-v1", new Registration(500, -100.0),
        "MountainCar-v0", new Registration(200, -110.0),
        "FrozenLake-v1", new Registration(100, 0.70),
        "FrozenLake8x8-v1", new Registration(200, 0.85),
        "CliffWalking-v1", new Registration(0, null),
        "Taxi-v3", new Registration(200, 8.0),
        "Taxi-v4", new Registration(200, 8.0),
        "NoisyChain-v0", new Registration(0, null));
    expected.forEach((id, r) -> {
      EnvironmentProvider p = all.get(id);
      assertThat(p.description()).as(id).isNotBlank();
      if (r.threshold() == null) {
        assertThat(p.rewardThreshold()).as(id).isEmpty();
      } else {
        assertThat(p.rewardThreshold()).as(id).hasValue(r.threshold());
      }
      Environment env = Environments.make(id);
      if (r.maxSteps() == 0) {
        assertThat(env).as(id).isNotInstanceOf(TimeLimit.class);
      } else {
        assertThat(env).as(id).isInstanceOf(TimeLimit.class);
        assertThat(((TimeLimit) env).maxEpisodeSteps()).as(id).isEqualTo(r.maxSteps());
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"CartPole-v1", "Acrobot-v1", "MountainCar-v0", "FrozenLake-v1", "FrozenLake8x8-v1",
      "CliffWalking-v1", "CliffWalkingSlippery-v1", "Taxi-v3", "Taxi-v4", "NoisyChain-v0"})
  void theSameSeedGivesTheSameEpisode(String id) {
    List<float[]> first = play(Environments.make(id), 7L, 40);
    List<float[]> second = play(Environments.make(id), 7L, 40);
    assertThat(second).hasSameSizeAs(first);
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i)).as("%s observation %d", id, i).containsExactly(first.get(i));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CartPole-v1", "Acrobot-v1", "MountainCar-v0", "Taxi-v4"})
  void differentSeedsGiveDifferentInitialStatesAndResetContinuesTheGenerator(String id) {
    Environment env = Environments.make(id);
    float[] a = env.reset(1L);
    float[] b = env.reset(2L);
    assertThat(b).isNotEqualTo(a);
    float[] again = env.reset(1L);
    assertThat(again).containsExactly(a);
    float[] next = env.reset();
    assertThat(next).isNotEqualTo(a);
  }

  @ParameterizedTest
  @ValueSource(strings = {"CartPole-v1", "Acrobot-v1", "MountainCar-v0", "FrozenLake-v1", "FrozenLake8x8-v1",
      "CliffWalking-v1", "Taxi-v4", "NoisyChain-v0"})
  void observationsStayInTheObservationSpace(String id) {
    Environment env = Environments.make(id);
    SplittableRandom actions = new SplittableRandom(3);
    float[] obs = env.reset(11L);
    for (int i = 0; i < 2000; i++) {
      assertThat(contains(env, obs)).as("%s step %d: %s", id, i, java.util.Arrays.toString(obs)).isTrue();
      StepResult r = env.step(actions.nextInt(env.actionSpace().n()));
      obs = r.done() ? env.reset() : r.observation();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"CartPole-v1", "Acrobot-v1", "MountainCar-v0", "FrozenLake-v1", "CliffWalking-v1", "Taxi-v4",
      "NoisyChain-v0"})
  void aBadActionFailsNamingTheValidOnes(String id) {
    Environment env = Environments.make(id);
    env.reset(0L);
    int n = env.actionSpace().n();
    assertThatThrownBy(() -> env.step(n))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(id + ": action " + n + " is outside the action space; valid actions are 0.." + (n - 1));
    assertThatThrownBy(() -> env.step(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("action -1");
  }

  /** A state one step from termination (under action {@link #TERMINATING_ACTION}), or null to play randomly. */
  private static final Map<String, double[]> NEAR_END = Map.of(
      "CartPole-v1", new double[] {2.39, 1.0, 0.0, 0.0},
      "Acrobot-v1", new double[] {3.0, 0.0, 0.0, 0.0},
      "MountainCar-v0", new double[] {0.49, 0.05},
      "Taxi-v4", new double[] {Taxi.encode(0, 0, 4, 0)},
      "CliffWalking-v1", new double[] {35});
  private static final Map<String, Integer> TERMINATING_ACTION = Map.of(
      "CartPole-v1", 1, "Acrobot-v1", 1, "MountainCar-v0", 2, "Taxi-v4", 5, "CliffWalking-v1", 2);

  @ParameterizedTest
  @ValueSource(strings = {"CartPole-v1", "Acrobot-v1", "MountainCar-v0", "FrozenLake-v1", "CliffWalking-v1", "Taxi-v4",
      "NoisyChain-v0"})
  void stepFailsBeforeTheFirstResetAndAfterTermination(String id) {
    Environment env = Environments.make(id);
    assertThatThrownBy(() -> env.step(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(id + ": step called before the first reset; call reset() first");
    StepResult r;
    if (NEAR_END.containsKey(id)) {
      env.resetTo(NEAR_END.get(id));
      r = env.step(TERMINATING_ACTION.get(id));
    } else {
      env.reset(5L);
      SplittableRandom actions = new SplittableRandom(5);
      int steps = 0;
      do {
        r = env.step(actions.nextInt(env.actionSpace().n()));
        steps++;
      } while (!r.done() && steps < 10_000);
    }
    assertThat(r.terminated()).as(id + " terminates").isTrue();
    assertThatThrownBy(() -> env.step(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(id + ": step called after the episode terminated; call reset() first");
    env.reset();
    env.step(0);
  }

  @Test
  void resetToRejectsAStateOfTheWrongShape() {
    assertThatThrownBy(() -> Environments.make("CartPole-v1").resetTo(new double[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CartPole-v1: resetTo state [0.0, 0.0] is invalid; expected [x, x_dot, theta, theta_dot]");
    assertThatThrownBy(() -> Environments.make("Taxi-v4").resetTo(new double[] {500}))
        .hasMessage("Taxi-v4: resetTo state [500.0] is invalid; expected [s] with s an integer in 0..499");
    assertThatThrownBy(() -> Environments.make("FrozenLake-v1").resetTo(new double[] {1.5}))
        .hasMessageContaining("expected [s] with s an integer in 0..15");
  }

  @ParameterizedTest
  @ValueSource(strings = {"CartPole-v1", "Acrobot-v1", "MountainCar-v0", "CliffWalking-v1", "Taxi-v4"})
  void stateRoundTripsThroughResetTo(String id) {
    Environment env = Environments.make(id);
    env.reset(9L);
    float[] now = env.step(1).observation();
    double[] state = env.state();
    float[] expected = env.step(1).observation();
    Environment other = Environments.make(id);
    assertThat(other.resetTo(state)).containsExactly(now);
    assertThat(other.state()).containsExactly(state);
    assertThat(other.step(1).observation()).containsExactly(expected);
  }

  private static List<float[]> play(Environment env, long seed, int episodes) {
    List<float[]> seen = new ArrayList<>();
    SplittableRandom actions = new SplittableRandom(seed + 100);
    seen.add(env.reset(seed));
    for (int e = 0; e < episodes; ) {
      StepResult r = env.step(actions.nextInt(env.actionSpace().n()));
      seen.add(r.observation());
      seen.add(new float[] {(float) r.reward(), r.terminated() ? 1 : 0, r.truncated() ? 1 : 0});
      if (r.done()) {
        seen.add(env.reset());
        e++;
      }
    }
    return seen;
  }

  private static boolean contains(Environment env, float[] obs) {
    if (env.observationSpace() instanceof Box box) {
      return box.contains(obs);
    }
    Discrete d = (Discrete) env.observationSpace();
    return obs.length == 1 && obs[0] == Math.rint(obs[0]) && d.contains((int) obs[0]);
  }
}
