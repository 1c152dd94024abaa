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
    for (ReferenceConfig rc : OriginalConfigs.all()) {
      if (!which.equals("all") && !rc.name().equals(which)) {
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
