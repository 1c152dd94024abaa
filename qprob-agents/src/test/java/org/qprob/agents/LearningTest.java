package org.qprob.agents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qprob.agents.config.OriginalConfigs;
import org.qprob.agents.config.ReferenceConfig;

/**
 * Each reference configuration learns CartPole-v1 on a small budget: the mean return of 20 consecutive training
 * episodes reaches 150 (random play: about 22) within 30,000 environment steps, seed 1. The run stops as soon as it
 * gets there. For scale, the original scripts needed about 20k (q-prob) and 11k (L2) steps.
 */
class LearningTest {
  static final long BUDGET = 30_000;
  static final double THRESHOLD = 150;

  /** The reference configurations, and DQN with prioritized replay and 3-step returns. */
  static Iterable<ReferenceConfig> configs() {
    java.util.List<ReferenceConfig> all = new java.util.ArrayList<>(OriginalConfigs.all());
    all.add(OriginalConfigs.dqnPrioritizedNStep());
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void reachesTheThresholdWithinTheBudget(ReferenceConfig rc) {
    CartPoleRun.Outcome o = CartPoleRun.run(rc, 1, BUDGET, THRESHOLD);
    double[] r = o.returns();
    double firstEpisodes = 0;
    for (int i = 0; i < Math.min(20, r.length); i++) {
      firstEpisodes += r[i] / Math.min(20, r.length);
    }
    assertThat(o.solvedAtStep())
        .as("%s: step at which the 20-episode mean reached %.0f (-1 = never; %d episodes, first-20 mean %.1f)",
            rc.name(), THRESHOLD, r.length, firstEpisodes)
        .isPositive().isLessThanOrEqualTo(BUDGET);
    assertThat(firstEpisodes).as("%s: early episodes are near random play", rc.name()).isLessThan(60);
  }
}
