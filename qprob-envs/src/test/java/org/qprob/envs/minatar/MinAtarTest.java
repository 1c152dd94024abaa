package org.qprob.envs.minatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qprob.api.env.Box;
import org.qprob.api.env.Environment;
import org.qprob.api.env.EnvironmentProvider;
import org.qprob.api.env.StepResult;
import org.qprob.api.env.TimeLimit;
import org.qprob.envs.Environments;

/** Registration, options, spaces and the episode contract of the MinAtar environments. */
class MinAtarTest {
  @ParameterizedTest
  @EnumSource(MinAtarGame.class)
  void registersV0WithSixActionsAndV1WithTheMinimalSetAndNoTimeLimit(MinAtarGame game) {
    Map<String, EnvironmentProvider> all = Environments.registry().all();
    int[] expectedMinimal = switch (game) {
      case ASTERIX -> new int[] {0, 1, 2, 3, 4};
      case BREAKOUT -> new int[] {0, 1, 3};
      case FREEWAY -> new int[] {0, 2, 4};
      case SEAQUEST -> new int[] {0, 1, 2, 3, 4, 5};
      case SPACE_INVADERS -> new int[] {0, 1, 3, 5};
    };
    int channels = switch (game) {
      case ASTERIX, BREAKOUT -> 4;
      case FREEWAY -> 7;
      case SEAQUEST -> 10;
      case SPACE_INVADERS -> 6;
    };
    for (ActionSet set : ActionSet.values()) {
      String id = "MinAtar/" + game.title() + "-" + set.version();
      assertThat(all).containsKey(id);
      assertThat(all.get(id).rewardThreshold()).isEmpty();
      Environment env = Environments.make(id);
      assertThat(env).isInstanceOf(MinAtar.class).isNotInstanceOf(TimeLimit.class);
      MinAtar m = (MinAtar) env;
      assertThat(m.id()).isEqualTo(id);
      assertThat(m.shape()).containsExactly(10, 10, channels);
      int[] acted = new int[env.actionSpace().n()];
      for (int a = 0; a < acted.length; a++) {
        acted[a] = m.minAtarAction(a).index();
      }
      assertThat(acted).containsExactly(set == ActionSet.FULL ? new int[] {0, 1, 2, 3, 4, 5} : expectedMinimal);
      Box box = (Box) env.observationSpace();
      assertThat(box.size()).isEqualTo(100 * channels);
      assertThat(box.shape()).containsExactly(10, 10, channels);
      assertThat(box.low()).containsOnly(0f);
      assertThat(box.high()).containsOnly(1f);
    }
  }

  @Test
  void badOptionsFailWithOneLineNamingTheValidValues() {
    assertThatThrownBy(() -> Environments.make("MinAtar/Breakout-v1", Map.of("sticky_action_prob", 1.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("env MinAtar/Breakout-v1: option sticky_action_prob = 1.5 is invalid; expected a number in [0.0, 1.0]");
    assertThatThrownBy(() -> Environments.make("MinAtar/Seaquest-v0", Map.of("difficulty_ramping", "yes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("difficulty_ramping").hasMessageContaining("true or false");
    assertThatThrownBy(() -> Environments.make("MinAtar/Seaquest-v0", Map.of("sticky_actions", 0.1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sticky_actions").hasMessageContaining("sticky_action_prob");
    assertThatThrownBy(() -> new MinAtar(MinAtarGame.FREEWAY, ActionSet.FULL, Double.NaN, true))
        .hasMessage("MinAtar/Freeway-v0: sticky_action_prob must be in [0, 1], got NaN");
  }

  @Test
  void aTimeLimitCanBeAskedFor() {
    Environment env = Environments.make("MinAtar/Freeway-v1", Map.of("max_episode_steps", 5));
    assertThat(env).isInstanceOf(TimeLimit.class);
    env.reset(3L);
    StepResult r = null;
    for (int i = 0; i < 5; i++) {
      r = env.step(1);
    }
    assertThat(r.truncated()).isTrue();
    assertThat(r.terminated()).isFalse();
  }

  @Test
  void stepFailsBeforeTheFirstResetAfterTerminationAndOnABadAction() {
    Environment env = Environments.make("MinAtar/Breakout-v1");
    assertThatThrownBy(() -> env.step(0)).isInstanceOf(IllegalStateException.class)
        .hasMessage("MinAtar/Breakout-v1: step called before the first reset; call reset() first");
    env.reset(0L);
    assertThatThrownBy(() -> env.step(3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MinAtar/Breakout-v1: action 3 is outside the action space; valid actions are 0..2 [NOOP, LEFT, RIGHT]");
    StepResult r;
    do {
      r = env.step(0);
    } while (!r.terminated());
    assertThatThrownBy(() -> env.step(0)).isInstanceOf(IllegalStateException.class)
        .hasMessage("MinAtar/Breakout-v1: step called after the episode terminated; call reset() first");
    assertThatThrownBy(() -> env.resetTo(new double[] {0})).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("resetTo is not supported");
  }

  @ParameterizedTest
  @EnumSource(MinAtarGame.class)
  void observationsAreZeroOneGridsInTheSpaceAndFreshArrays(MinAtarGame game) {
    Environment env = Environments.make("MinAtar/" + game.title() + "-v0");
    Box box = (Box) env.observationSpace();
    SplittableRandom actions = new SplittableRandom(1);
    float[] obs = env.reset(11L);
    float[] previous = null;
    for (int i = 0; i < 3000; i++) {
      assertThat(box.contains(obs)).isTrue();
      for (float v : obs) {
        assertThat(v == 0f || v == 1f).isTrue();
      }
      assertThat(obs).isNotSameAs(previous);
      previous = obs;
      StepResult r = env.step(actions.nextInt(6));
      obs = r.terminated() ? env.reset() : r.observation();
    }
  }

  @Test
  void resetWithASeedIsNumpysRandomStateAndResetContinuesIt() {
    MinAtar env = new MinAtar(MinAtarGame.FREEWAY, ActionSet.FULL, 0.1, true);
    float[] a = env.reset(5L);
    float[] again = env.reset(5L);
    assertThat(again).containsExactly(a);
    float[] next = env.reset();
    assertThat(next).isNotEqualTo(a);
    // Freeway's reset draws randint(1, 6, 8) then rand(8) from RandomState(seed).
    RandomState random = new RandomState(5);
    long[] speeds = new long[8];
    random.randint(1, 6, speeds, 8);
    double[] directions = new double[8];
    random.rand(directions, 8);
    for (int lane = 0; lane < 8; lane++) {
      int speed = (int) speeds[lane];
      int back = directions[lane] > 0.5 ? 9 : 1;
      assertThat(a[Game.cell(lane + 1, 0, 7, 1)]).as("car of lane %d in column 0", lane).isEqualTo(1f);
      assertThat(a[Game.cell(lane + 1, back, 7, 1 + speed)]).as("trail of lane %d", lane).isEqualTo(1f);
    }
    // Seeds outside [0, 2^32) are RandomState([low word, high word]).
    MinAtar big = new MinAtar(MinAtarGame.FREEWAY, ActionSet.FULL, 0.1, true);
    MinAtar sameWords = new MinAtar(MinAtarGame.FREEWAY, ActionSet.FULL, 0.1, true);
    long seed = (7L << 32) | 9L;
    assertThat(big.reset(seed)).isNotEqualTo(sameWords.reset(9L));
  }

  @Test
  void onlyAsterixSeaquestAndSpaceInvadersRampAndBreakoutIgnoresTheOption() {
    assertThat(MinAtarGame.BREAKOUT.ramps()).isFalse();
    assertThat(MinAtarGame.FREEWAY.ramps()).isFalse();
    assertThat(MinAtarGame.SEAQUEST.ramps()).isTrue();
    Environment ramped = Environments.make("MinAtar/Breakout-v1", Map.of("difficulty_ramping", true));
    Environment flat = Environments.make("MinAtar/Breakout-v1", Map.of("difficulty_ramping", false));
    assertThat(ramped.reset(2L)).containsExactly(flat.reset(2L));
    for (int i = 0; i < 5; i++) {
      StepResult a = ramped.step(i % 3);
      StepResult b = flat.step(i % 3);
      assertThat(a.observation()).containsExactly(b.observation());
      if (a.terminated()) {
        break;
      }
    }
  }
}
