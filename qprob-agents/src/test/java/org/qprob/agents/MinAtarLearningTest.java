package org.qprob.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.config.BackupConfig;
import org.qprob.agents.config.ExplorationConfig;
import org.qprob.agents.config.NetworkConfig;
import org.qprob.agents.config.OptimizerConfig;
import org.qprob.agents.config.ReferenceConfig;
import org.qprob.agents.config.ReplayConfig;
import org.qprob.agents.config.TargetConfig;

/**
 * DQN with MinAtar's convolutional network learns MinAtar/Breakout-v1 (sticky actions and difficulty ramping on, as
 * MinAtar's defaults) on a small budget: the mean return of 20 consecutive training episodes reaches 2 within 12,000
 * frames, seed 1; random play averages about 0.35 there. MinAtar's own schedule (learning from frame 5,000, epsilon
 * over 100,000 frames, RMSprop 2.5e-4) is for millions of frames; this one is compressed: Adam 1e-3, learning from
 * frame 500, epsilon 1 to 0.05 over 5,000 frames, the target network copied every 250 frames.
 */
class MinAtarLearningTest {
  static final long BUDGET = 12_000;
  static final double THRESHOLD = 2.0;

  @Test
  void dqnLearnsBreakoutWithinTheBudget() {
    AgentConfig agent = AgentConfig.defaults()
        .withNetwork(NetworkConfig.minAtar())
        .withOptimizer(OptimizerConfig.defaults().withLearningRate(1e-3))
        .withReplay(ReplayConfig.of(20_000, 32, 500, 1))
        .withExploration(ExplorationConfig.epsilonGreedyLinear(1.0, 0.05, 5_000))
        .withTarget(new TargetConfig("target-network", 250, 1.0))
        .withBackup(BackupConfig.of("max"));
    ReferenceConfig rc = new ReferenceConfig("minatar-dqn-small", "huber", Map.of(), agent,
        "MinAtar's network and loss on a compressed schedule");
    CartPoleRun.Outcome o = CartPoleRun.run(rc, "MinAtar/Breakout-v1", 1, BUDGET, THRESHOLD);
    double[] r = o.returns();
    double first = 0;
    for (int i = 0; i < 20; i++) {
      first += r[i] / 20;
    }
    assertThat(o.solvedAtStep())
        .as("step at which the 20-episode mean reached %.1f (-1 = never; %d episodes, first-20 mean %.2f)", THRESHOLD,
            r.length, first)
        .isPositive().isLessThanOrEqualTo(BUDGET);
    assertThat(first).as("the first 20 episodes are near random play").isLessThan(1.0);
  }
}
