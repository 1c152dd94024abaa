package org.qprob.agents.q;

import org.junit.jupiter.api.Test;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.Fixtures;
import org.qprob.agents.config.OriginalConfigs;
import org.qprob.agents.config.ReferenceConfig;
import org.qprob.agents.random.RandomStream;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.Transition;
import org.qprob.api.env.Box;
import org.qprob.api.env.Discrete;

/** Scratch timing, deleted before hand-off. */
class ExploreTiming {
  @Test
  void timing() {
    for (ReferenceConfig rc : new ReferenceConfig[] {OriginalConfigs.qProb(), OriginalConfigs.baseQLearning()}) {
      Box obs = new Box(new float[] {-5, -5, -5, -5}, new float[] {5, 5, 5, 5});
      QLearningAgent agent = new QLearningAgent(new AgentSetup(rc.agent(), Fixtures.loss(rc.loss()), obs, new Discrete(2), 1));
      RandomStream rng = new RandomStream(5);
      for (int i = 0; i < 2000; i++) {
        float[] s = {(float) rng.nextDouble(), (float) rng.nextDouble(), (float) rng.nextDouble(), (float) rng.nextDouble()};
        agent.observe(new Transition(s, rng.nextInt(2), 1, s.clone(), i % 50 == 0, false));
      }
      int[] idx = new int[64];
      for (int rep = 0; rep < 3; rep++) {
        long t0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        int n = 1000;
        for (int k = 0; k < n; k++) {
          agent.buffer().sample(idx, rng);
          QLearningAgent.Step st = agent.compute(idx);
          agent.online().step(st.gradient());
        }
        long t1 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        float[] s = {0.1f, 0.2f, 0.3f, 0.4f};
        int acc = 0;
        for (int k = 0; k < 100000; k++) {
          acc += agent.act(s, ActMode.GREEDY);
        }
        long t2 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        double[][] out = null;
        for (int k = 0; k < 1000; k++) {
          out = agent.online().output(agent.online().matrix(s, 1));
        }
        long t3 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        System.out.printf("TIMING %s update %.3f ms, act(host) %.2f us, act(dl4j) %.1f us %d%n", rc.name(),
            (t1 - t0) / 1e6 / n, (t2 - t1) / 1e3 / 100000, (t3 - t2) / 1e3 / 1000, acc + out.length);
      }
    }
  }
}
