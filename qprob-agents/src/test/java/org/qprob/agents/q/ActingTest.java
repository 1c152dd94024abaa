package org.qprob.agents.q;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.Fixtures;
import org.qprob.agents.config.OriginalConfigs;
import org.qprob.agents.config.ReferenceConfig;
import org.qprob.agents.random.RandomStream;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.Transition;
import org.qprob.api.env.Box;
import org.qprob.api.env.Discrete;

/**
 * The agent acts on a plain-Java copy of its parameters; after updates, its action preferences (Q, or mu / beta) equal
 * those computed from DL4J's forward pass to 1e-5, and its greedy action is their argmax.
 */
class ActingTest {
  @ParameterizedTest
  @ValueSource(strings = {"q-prob", "base-q-learning"})
  void plainJavaActingMatchesDl4j(String name) {
    ReferenceConfig rc = OriginalConfigs.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    Box obs = new Box(new float[] {-3, -3, -3, -3}, new float[] {3, 3, 3, 3});
    QLearningAgent agent = new QLearningAgent(new AgentSetup(rc.agent(), Fixtures.loss(rc.loss()), obs,
        new Discrete(2), 8));
    RandomStream rng = new RandomStream(4);
    int checked = 0;
    for (int step = 0; step < 200; step++) {
      float[] s = {(float) (rng.nextDouble() - 0.5), (float) (rng.nextDouble() - 0.5), (float) (rng.nextDouble() - 0.5),
          (float) (rng.nextDouble() - 0.5)};
      int a = agent.act(s, ActMode.EXPLORE);
      agent.observe(new Transition(s, a, 1.0, s.clone(), step % 30 == 29, false));
      agent.update();
      if (step % 20 == 19) {
        double[] expected = new double[2];
        double[][] raw = agent.online().output(agent.online().matrix(s, 1));
        agent.preferencesOf(raw[0], expected);
        double[] actual = agent.actingPreferences(s);
        for (int k = 0; k < 2; k++) {
          assertThat(actual[k]).isCloseTo(expected[k], within(1e-5 * Math.max(1, Math.abs(expected[k]))));
        }
        assertThat(agent.act(s, ActMode.GREEDY)).isEqualTo(expected[1] > expected[0] ? 1 : 0);
        checked++;
      }
    }
    assertThat(agent.updates()).isGreaterThan(100);
    assertThat(checked).isEqualTo(10);
  }
}
