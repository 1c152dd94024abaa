package org.qprob.agents;

import org.junit.jupiter.api.Test;
import org.qprob.agents.config.OriginalConfigs;
import org.qprob.agents.config.ReferenceConfig;

/** Scratch exploration, deleted before hand-off. */
class ExploreLearning {
  @Test
  void explore() {
    String which = System.getProperty("which", "q-prob");
    long seed = Long.getLong("seed", 1);
    java.util.List<ReferenceConfig> list = new java.util.ArrayList<>(OriginalConfigs.all());
    ReferenceConfig xq = OriginalConfigs.extremeQ();
    for (double beta : new double[] {1.0, 3.0}) {
      list.add(new ReferenceConfig("xq-eps-b" + beta, "xql", java.util.Map.of("beta", beta), xq.agent()
          .withExploration(org.qprob.agents.config.ExplorationConfig.epsilonGreedyLinear(1.0, 0.05, 10_000))
          .withTarget(new org.qprob.agents.config.TargetConfig("target-network", 500, 1.0)), ""));
    }
    for (ReferenceConfig rc : list) {
      if (!which.equals("all") && !rc.name().startsWith(which)) {
        continue;
      }
      CartPoleRun.Outcome o = CartPoleRun.run(rc, seed, 30_000, 150);
      StringBuilder sb = new StringBuilder();
      int k = 0;
      for (var e : o.episodes()) {
        if (k++ % 10 == 0) {
          sb.append(String.format("%d:%.0f/%.2f/%.3g ", e.envSteps(), e.episodeReturn(), e.explorationParameter(), e.meanLoss()));
        }
      }
      System.out.printf("RESULT %s seed=%d solvedAt=%d steps=%d wall=%.1fs ms/step=%.3f%n  %s%n", rc.name(), seed,
          o.solvedAtStep(), o.summary().envSteps(), o.summary().wallSeconds(),
          1000 * o.summary().wallSeconds() / o.summary().envSteps(), sb);
    }
  }
}
