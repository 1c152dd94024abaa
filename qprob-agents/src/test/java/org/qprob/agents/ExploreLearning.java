package org.qprob.agents;

import org.junit.jupiter.api.Test;
import org.qprob.agents.config.OriginalConfigs;
import org.qprob.agents.config.ReferenceConfig;

/** Scratch exploration, deleted before hand-off. */
class ExploreLearning {
  @Test
  void explore() {
    String which = System.getProperty("which", "all");
    for (String seedText : System.getProperty("seeds", "1").split(",")) {
      long seed = Long.parseLong(seedText);
      for (ReferenceConfig rc : OriginalConfigs.all()) {
        if (!which.equals("all") && !rc.name().startsWith(which)) {
          continue;
        }
        CartPoleRun.Outcome o = CartPoleRun.run(rc, seed, 30_000, 150);
        System.out.printf("RESULT %s seed=%d solvedAt=%d steps=%d wall=%.1fs ms/step=%.3f%n", rc.name(), seed,
            o.solvedAtStep(), o.summary().envSteps(), o.summary().wallSeconds(),
            1000 * o.summary().wallSeconds() / o.summary().envSteps());
      }
    }
  }
}
