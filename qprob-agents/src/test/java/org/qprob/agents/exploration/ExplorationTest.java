package org.qprob.agents.exploration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.qprob.agents.config.ExplorationConfig;
import org.qprob.agents.random.RandomStream;
import org.qprob.api.agent.ActMode;

class ExplorationTest {
  @Test
  void exponentialPerEpisodeScheduleMultipliesAfterEachEpisodeDownToItsFloor() {
    ExplorationSchedule s = new ExplorationSchedule(ExplorationConfig.boltzmann(10, 1, 0.995));
    assertThat(s.value()).isEqualTo(10.0);
    for (int step = 0; step < 1000; step++) {
      s.onStep();
    }
    assertThat(s.value()).isEqualTo(10.0);
    s.onEpisodeEnd();
    assertThat(s.value()).isEqualTo(9.95);
    double expected = 9.95;
    for (int e = 2; e <= 100; e++) {
      s.onEpisodeEnd();
      expected = Math.max(1, expected * 0.995);
      assertThat(s.value()).isEqualTo(expected);
    }
    assertThat(s.value()).isCloseTo(10 * Math.pow(0.995, 100), within(1e-12));
    // 10 * 0.995^n reaches 1 after ln(10) / -ln(0.995) = 459.4 episodes
    for (int e = 101; e <= 459; e++) {
      s.onEpisodeEnd();
    }
    assertThat(s.value()).isGreaterThan(1.0);
    s.onEpisodeEnd();
    assertThat(s.value()).isEqualTo(1.0);
    s.onEpisodeEnd();
    assertThat(s.value()).isEqualTo(1.0);
  }

  @Test
  void epsilonDefaultsMatchTheOriginalL2Script() {
    ExplorationSchedule s = new ExplorationSchedule(ExplorationConfig.defaults());
    for (int e = 0; e < 200; e++) {
      s.onEpisodeEnd();
    }
    assertThat(s.value()).isCloseTo(Math.pow(0.995, 200), within(1e-12));
    for (int e = 200; e < 918; e++) {
      s.onEpisodeEnd();
    }
    assertThat(s.value()).isGreaterThan(0.01);
    s.onEpisodeEnd(); // 0.995^919 = 0.00996 < 0.01
    assertThat(s.value()).isEqualTo(0.01);
  }

  @Test
  void perStepSchedulesAdvanceOnStepsOnly() {
    ExplorationSchedule lin = new ExplorationSchedule(ExplorationConfig.epsilonGreedyLinear(1.0, 0.05, 1000));
    lin.onEpisodeEnd();
    assertThat(lin.value()).isEqualTo(1.0);
    for (int i = 0; i < 250; i++) {
      lin.onStep();
    }
    assertThat(lin.value()).isCloseTo(1.0 - 0.95 * 0.25, within(1e-12));
    for (int i = 250; i < 1000; i++) {
      lin.onStep();
    }
    assertThat(lin.value()).isCloseTo(0.05, within(1e-12));
    lin.onStep();
    assertThat(lin.value()).isCloseTo(0.05, within(1e-12));
    ExplorationSchedule exp = new ExplorationSchedule(ExplorationConfig.epsilonGreedy(1.0, 0.1, 0.99, "step"));
    for (int i = 0; i < 10; i++) {
      exp.onStep();
    }
    assertThat(exp.value()).isCloseTo(Math.pow(0.99, 10), within(1e-12));
    ExplorationSchedule up = new ExplorationSchedule(
        new ExplorationConfig("boltzmann", 0.5, 2.0, 1.0, "linear", "episode", 3));
    up.onEpisodeEnd();
    assertThat(up.value()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void boltzmannFrequenciesMatchSoftmaxProbabilities() {
    double[] prefs = {1.0, 2.5, 0.0, 2.0};
    double temperature = 1.5;
    Exploration x = new Exploration(ExplorationConfig.boltzmannFixed(temperature), new RandomStream(42));
    double[] p = Exploration.softmax(prefs, temperature);
    int n = 200_000;
    int[] counts = new int[4];
    for (int i = 0; i < n; i++) {
      counts[x.select(prefs, ActMode.EXPLORE)]++;
    }
    for (int a = 0; a < 4; a++) {
      double sd = Math.sqrt(n * p[a] * (1 - p[a]));
      assertThat((double) counts[a]).as("action %d", a).isCloseTo(n * p[a], within(5 * sd));
    }
    assertThat(x.select(prefs, ActMode.GREEDY)).isEqualTo(1);
  }

  @Test
  void boltzmannIsSafeWithLargePreferences() {
    Exploration x = new Exploration(ExplorationConfig.boltzmannFixed(0.01), new RandomStream(1));
    for (int i = 0; i < 100; i++) {
      assertThat(x.select(new double[] {1000, 1001, 999}, ActMode.EXPLORE)).isEqualTo(1);
    }
    assertThat(Exploration.softmax(new double[] {1e4, 0}, 1)).containsExactly(1.0, 0.0);
  }

  @Test
  void epsilonGreedyPicksUniformlyWithProbabilityEpsilon() {
    ExplorationConfig c = new ExplorationConfig("epsilon-greedy", 0.3, 0.3, 1.0, "exponential", "episode", 10);
    Exploration x = new Exploration(c, new RandomStream(7));
    double[] prefs = {0.0, 1.0, 0.5};
    int n = 100_000;
    int[] counts = new int[3];
    for (int i = 0; i < n; i++) {
      counts[x.select(prefs, ActMode.EXPLORE)]++;
    }
    double[] p = {0.1, 0.8, 0.1};
    for (int a = 0; a < 3; a++) {
      double sd = Math.sqrt(n * p[a] * (1 - p[a]));
      assertThat((double) counts[a]).as("action %d", a).isCloseTo(n * p[a], within(5 * sd));
    }
  }

  @Test
  void greedyDrawsNothingAndBreaksTiesLow() {
    RandomStream rng = new RandomStream(3);
    long before = rng.state();
    Exploration x = new Exploration(ExplorationConfig.defaults(), rng);
    assertThat(x.select(new double[] {2, 5, 5}, ActMode.GREEDY)).isEqualTo(1);
    assertThat(rng.state()).isEqualTo(before);
    Exploration g = new Exploration(new ExplorationConfig("greedy", 1, 1, 1, "exponential", "episode", 1), rng);
    assertThat(g.select(new double[] {7, 5, 7}, ActMode.EXPLORE)).isEqualTo(0);
    assertThat(rng.state()).isEqualTo(before);
  }
}
