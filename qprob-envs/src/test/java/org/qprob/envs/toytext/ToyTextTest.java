package org.qprob.envs.toytext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qprob.api.env.Environment;
import org.qprob.api.env.StepResult;
import org.qprob.api.env.TimeLimit;
import org.qprob.envs.Environments;

class ToyTextTest {
  @Test
  void slipperyFrozenLakeMovesEachWayAboutAThirdOfTheTime() {
    Environment env = Environments.make("FrozenLake-v1");
    env.reset(42L);
    // State 9 is (2, 1); "down" slips left to 8, goes down to 13, or slips right to 10; all frozen tiles.
    Map<Integer, Integer> counts = new HashMap<>();
    int n = 30_000;
    for (int i = 0; i < n; i++) {
      env.resetTo(new double[] {9});
      StepResult r = env.step(1);
      counts.merge((int) r.observation()[0], 1, Integer::sum);
      assertThat(r.terminated()).isFalse();
    }
    assertThat(counts.keySet()).containsExactlyInAnyOrder(8, 13, 10);
    double sd = Math.sqrt((1.0 / 3) * (2.0 / 3) / n);
    for (int next : List.of(8, 13, 10)) {
      assertThat(counts.get(next) / (double) n).as("P(9 -> %d)", next)
          .isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(4.5 * sd));
    }
  }

  @Test
  void successRateSetsTheIntendedMoveProbability() {
    FrozenLake lake = (FrozenLake) ((TimeLimit) Environments.make("FrozenLake-v1", Map.of("success_rate", 0.75)))
        .unwrapped();
    List<TransitionTable.Outcome> outcomes = lake.transitions().outcomes(9, 1);
    assertThat(outcomes).extracting(TransitionTable.Outcome::probability).containsExactly(0.125, 0.75, 0.125);
    assertThat(outcomes).extracting(TransitionTable.Outcome::next).containsExactly(8, 13, 10); // left, down, right
  }

  @Test
  void frozenLakeHolesAndGoalTerminateWithTheScheduledRewards() {
    Environment env = Environments.make("FrozenLake-v1", Map.of("is_slippery", false, "reward_schedule", List.of(5, -2, 0.5)));
    env.resetTo(new double[] {14});
    StepResult goal = env.step(2);
    assertThat(goal.observation()).containsExactly(15f);
    assertThat(goal.reward()).isEqualTo(5.0);
    assertThat(goal.terminated()).isTrue();
    env.resetTo(new double[] {4});
    StepResult hole = env.step(2);
    assertThat(hole.observation()).containsExactly(5f);
    assertThat(hole.reward()).isEqualTo(-2.0);
    assertThat(hole.terminated()).isTrue();
    env.resetTo(new double[] {0});
    StepResult frozen = env.step(1);
    assertThat(frozen.reward()).isEqualTo(0.5);
    assertThat(frozen.terminated()).isFalse();
    assertThat(env.reset(3L)).containsExactly(0f);
  }

  @Test
  void frozenLakeMapsAndTheirTimeLimits() {
    Environment big = Environments.make("FrozenLake-v1", Map.of("map_name", "8x8"));
    assertThat(big.observationSpace().encodedSize()).isEqualTo(64);
    assertThat(((TimeLimit) big).maxEpisodeSteps()).isEqualTo(100); // as gym.make("FrozenLake-v1", map_name="8x8")
    Environment registered = Environments.make("FrozenLake8x8-v1");
    assertThat(registered.observationSpace().encodedSize()).isEqualTo(64);
    assertThat(((TimeLimit) registered).maxEpisodeSteps()).isEqualTo(200);
  }

  @Test
  void cliffWalkingSendsTheAgentBackFromTheCliffAndEndsAtTheGoal() {
    Environment env = Environments.make("CliffWalking-v1");
    assertThat(env.reset(0L)).containsExactly(36f);
    StepResult fall = env.step(1);
    assertThat(fall.observation()).containsExactly(36f);
    assertThat(fall.reward()).isEqualTo(-100.0);
    assertThat(fall.terminated()).isFalse();
    StepResult up = env.step(0);
    assertThat(up.observation()).containsExactly(24f);
    assertThat(up.reward()).isEqualTo(-1.0);
    env.resetTo(new double[] {35});
    StepResult goal = env.step(2);
    assertThat(goal.observation()).containsExactly(47f);
    assertThat(goal.terminated()).isTrue();
    for (int i = 0; i < 1000; i++) {
      env.resetTo(new double[] {0});
      assertThat(env.step(3).truncated()).isFalse(); // no time limit
    }
  }

  @Test
  void slipperyCliffWalkingSpreadsOverThreeDirections() {
    CliffWalking env = new CliffWalking(true);
    List<TransitionTable.Outcome> fromStartRight = env.transitions().outcomes(CliffWalking.START, 1);
    assertThat(fromStartRight).extracting(TransitionTable.Outcome::probability).containsOnly(1.0 / 3);
    // up -> 24, right -> cliff (back to 36, -100), down -> stays at 36 (wall)
    assertThat(fromStartRight).extracting(TransitionTable.Outcome::next).containsExactly(24, 36, 36);
    assertThat(fromStartRight).extracting(TransitionTable.Outcome::reward).containsExactly(-1.0, -100.0, -1.0);
  }

  @Test
  void taxiEncodesDecodesAndStartsWithTheFarePendingElsewhere() {
    for (int s = 0; s < 500; s++) {
      int[] d = Taxi.decode(s);
      assertThat(Taxi.encode(d[0], d[1], d[2], d[3])).isEqualTo(s);
    }
    Taxi env = new Taxi("Taxi-v3");
    Set<Integer> starts = new HashSet<>();
    for (long seed = 0; seed < 3000; seed++) {
      int s = (int) env.reset(seed)[0];
      int[] d = Taxi.decode(s);
      assertThat(d[2]).isLessThan(4).isNotEqualTo(d[3]);
      starts.add(s);
    }
    assertThat(starts).hasSizeGreaterThan(280).hasSizeLessThanOrEqualTo(300);
  }

  @Test
  void taxiPicksUpDropsOffAndPenalisesIllegalMoves() {
    Taxi env = new Taxi("Taxi-v3");
    env.resetTo(new double[] {Taxi.encode(0, 0, 0, 1)}); // at R with the passenger waiting at R, going to G
    StepResult wrong = env.step(5);
    assertThat(wrong.reward()).isEqualTo(-10.0);
    StepResult pick = env.step(4);
    assertThat(pick.reward()).isEqualTo(-1.0);
    assertThat(Taxi.decode((int) pick.observation()[0])).containsExactly(0, 0, 4, 1);
    assertThat(env.step(4).reward()).isEqualTo(-10.0); // nobody left to pick up
    assertThat(Taxi.decode((int) env.step(2).observation()[0])).containsExactly(0, 1, 4, 1);
    assertThat(Taxi.decode((int) env.step(2).observation()[0])).containsExactly(0, 1, 4, 1); // wall east of (0, 1)
    env.resetTo(new double[] {Taxi.encode(0, 4, 4, 1)});
    StepResult drop = env.step(5);
    assertThat(drop.reward()).isEqualTo(20.0);
    assertThat(drop.terminated()).isTrue();
    assertThat(Taxi.decode((int) drop.observation()[0])).containsExactly(0, 4, 1, 1);
  }

  @Test
  void rainyTaxiDriftsSidewaysWithTheRemainingProbability() {
    Taxi env = (Taxi) ((TimeLimit) Environments.make("Taxi-v4", Map.of("is_rainy", true))).unwrapped();
    int s = Taxi.encode(2, 2, 0, 1);
    List<TransitionTable.Outcome> south = env.transitions().outcomes(s, 0);
    assertThat(south).extracting(TransitionTable.Outcome::probability).containsExactly(0.8, (1.0 - 0.8) / 2.0, (1.0 - 0.8) / 2.0);
    assertThat(south).extracting(o -> Taxi.decode(o.next())[0] * 10 + Taxi.decode(o.next())[1])
        .containsExactly(32, 23, 21); // south to (3,2); left of south is east (2,3); right is west (2,1)
    for (int state = 0; state < 500; state++) {
      for (int a = 0; a < 6; a++) {
        assertThat(env.transitions().outcomes(state, a).stream().mapToDouble(TransitionTable.Outcome::probability).sum())
            .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
      }
    }
  }

  @Test
  void aFicklePassengerChangesDestinationOnceAfterBoarding() {
    Taxi env = new Taxi("Taxi-v4", false, 0.8, true, 1.0);
    env.resetTo(new double[] {Taxi.encode(2, 2, 4, 1)});
    int[] after = Taxi.decode((int) env.step(0).observation()[0]);
    assertThat(after[0]).isEqualTo(3);
    assertThat(after[2]).isEqualTo(4);
    assertThat(after[3]).isNotEqualTo(1);
    int[] later = Taxi.decode((int) env.step(1).observation()[0]);
    assertThat(later[3]).isEqualTo(after[3]);
  }

  @Test
  void badToyTextOptionsFailWithOneLine() {
    assertThatThrownBy(() -> Environments.make("FrozenLake-v1", Map.of("map_name", "5x5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("env FrozenLake-v1: option map_name = \"5x5\" is invalid; expected one of [4x4, 8x8]");
    assertThatThrownBy(() -> Environments.make("FrozenLake-v1", Map.of("is_slipery", false)))
        .hasMessage("env FrozenLake-v1: unknown option is_slipery; known options: [is_slippery, map_name, "
            + "max_episode_steps, reward_schedule, success_rate]");
    assertThatThrownBy(() -> Environments.make("FrozenLake-v1", Map.of("is_slippery", "no")))
        .hasMessage("env FrozenLake-v1: option is_slippery = \"no\" is invalid; expected true or false");
    assertThatThrownBy(() -> Environments.make("FrozenLake-v1", Map.of("reward_schedule", List.of(1, 0))))
        .hasMessage("env FrozenLake-v1: option reward_schedule has 2 numbers; expected 3 (goal, hole, frozen)");
    assertThatThrownBy(() -> Environments.make("Taxi-v3", Map.of("is_rainy", true)))
        .hasMessageStartingWith("env Taxi-v3: unknown option is_rainy");
    assertThatThrownBy(() -> Environments.make("Taxi-v4", Map.of("rainy_probability", 1.5)))
        .hasMessage("env Taxi-v4: option rainy_probability = 1.5 is invalid; expected a number in [0.0, 1.0]");
    assertThatThrownBy(() -> Environments.make("CartPole-v1", Map.of("max_episode_steps", 0)))
        .hasMessageContaining("option max_episode_steps = 0 is invalid");
    assertThat(((TimeLimit) Environments.make("CartPole-v1", Map.of("max_episode_steps", 50))).maxEpisodeSteps())
        .isEqualTo(50);
    assertThat(Environments.make("CliffWalking-v1", Map.of("max_episode_steps", 30))).isInstanceOf(TimeLimit.class);
  }
}
