package org.qprob.agents.q;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.Fixtures;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.config.OriginalConfigs;
import org.qprob.agents.config.ReferenceConfig;
import org.qprob.agents.random.RandomStream;
import org.qprob.agents.xq.ExtremeQAgent;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.Agent;
import org.qprob.api.agent.Transition;
import org.qprob.api.agent.ValuePredictor;
import org.qprob.api.dist.Distribution;
import org.qprob.api.dist.Gumbel;
import org.qprob.api.env.Box;
import org.qprob.api.env.Discrete;

/**
 * What an agent reports as its prediction ({@link ValuePredictor}) is what it acts on: the outputs of DL4J's forward
 * pass after the configured clip / exp transforms, a Gumbel(mu(s, a), nu(s)) per action for a Gumbel head with its
 * mean as Q; the greedy action is the argmax of the reported values; and asking changes nothing the agent does later.
 */
class ValuePredictionTest {
  private static final Box OBS = new Box(new float[] {-3, -3, -3, -3}, new float[] {3, 3, 3, 3});

  private static ReferenceConfig reference(String name) {
    return OriginalConfigs.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private static QLearningAgent agent(String name) {
    ReferenceConfig rc = reference(name);
    return new QLearningAgent(new AgentSetup(rc.agent(), Fixtures.loss(rc.loss(), rc.lossOptions()), OBS,
        new Discrete(2), 8));
  }

  private static float[] observation(RandomStream rng) {
    return new float[] {(float) (2 * rng.nextDouble() - 1), (float) (2 * rng.nextDouble() - 1),
        (float) (2 * rng.nextDouble() - 1), (float) (2 * rng.nextDouble() - 1)};
  }

  /** Trains for {@code steps} steps on random observations, calling {@code between} after every step. */
  private static void train(Agent agent, int steps, long seed, Runnable between) {
    RandomStream rng = new RandomStream(seed);
    for (int step = 0; step < steps; step++) {
      float[] s = observation(rng);
      int a = agent.act(s, ActMode.EXPLORE);
      agent.observe(new Transition(s, a, rng.nextDouble() * 2 - 0.5, observation(rng), step % 25 == 24, false));
      agent.update();
      between.run();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"q-prob", "base-q-learning", "dqn-target"})
  void predictionsAreTheTransformedOutputsTheAgentActsOn(String name) {
    QLearningAgent agent = agent(name);
    train(agent, 300, 5, () -> { });
    assertThat(agent.updates()).isGreaterThan(100);
    RandomStream rng = new RandomStream(11);
    for (int k = 0; k < 20; k++) {
      float[] s = observation(rng);
      double[] raw = agent.online().output(agent.online().matrix(s, 1))[0];
      double[] q = agent.actionValues(s);
      assertThat(q).hasSize(2);
      if (agent.distributional()) {
        Distribution[] d = agent.returnDistributions(s);
        double nu = agent.head().value(raw, 2);
        for (int a = 0; a < 2; a++) {
          double mu = agent.head().value(raw, a);
          Gumbel g = (Gumbel) d[a];
          assertThat(g.mu()).isCloseTo(mu, within(1e-5 * Math.max(1, Math.abs(mu))));
          assertThat(g.nu()).isCloseTo(nu, within(1e-5 * Math.max(1, Math.abs(nu))));
          assertThat(q[a]).as("Q is the Gumbel's mean").isCloseTo(g.mean(), within(1e-12 * Math.max(1, g.mean())));
          assertThat(q[a]).isCloseTo(mu + Gumbel.EULER_GAMMA * Math.exp(nu), within(1e-5 * Math.max(1, q[a])));
        }
        if (name.equals("q-prob")) {
          assertThat(g(d, 0).mu()).as("exp locations are positive").isPositive();
          assertThat(g(d, 0).nu()).as("clipped log-scale").isBetween(-4.0, 8.0);
        }
      } else {
        for (int a = 0; a < 2; a++) {
          assertThat(q[a]).isCloseTo(agent.head().value(raw, a), within(1e-5 * Math.max(1, Math.abs(q[a]))));
        }
        assertThatThrownBy(() -> agent.returnDistributions(s)).isInstanceOf(UnsupportedOperationException.class)
            .hasMessageContaining("point head");
      }
      assertThat(agent.act(s, ActMode.GREEDY)).isEqualTo(q[1] > q[0] ? 1 : 0);
    }
  }

  private static Gumbel g(Distribution[] d, int a) {
    return (Gumbel) d[a];
  }

  @Test
  void theGumbelFlagFollowsTheLossHead() {
    assertThat(agent("q-prob").distributional()).isTrue();
    assertThat(agent("base-q-learning").distributional()).isFalse();
  }

  @Test
  void askingForPredictionsChangesNothingTheAgentDoesLater() throws IOException {
    QLearningAgent quiet = agent("q-prob");
    QLearningAgent asked = agent("q-prob");
    RandomStream probe = new RandomStream(3);
    train(quiet, 200, 9, () -> { });
    train(asked, 200, 9, () -> {
      float[] s = observation(probe);
      asked.actionValues(s);
      asked.returnDistributions(s);
    });
    assertThat(bytes(asked)).isEqualTo(bytes(quiet));
  }

  @Test
  void extremeQPredictsTheQValuesItActsOn() {
    AgentConfig xq = reference("extreme-q").agent();
    ExtremeQAgent agent = new ExtremeQAgent(new AgentSetup(xq, Fixtures.loss("xql", Map.of("beta", 1.0)), OBS,
        new Discrete(2), 4));
    train(agent, 200, 6, () -> { });
    RandomStream rng = new RandomStream(12);
    for (int k = 0; k < 10; k++) {
      float[] s = observation(rng);
      double[] q = agent.actionValues(s);
      assertThat(agent.act(s, ActMode.GREEDY)).isEqualTo(q[1] > q[0] ? 1 : 0);
    }
    assertThat(agent.distributional()).isFalse();
    assertThatThrownBy(() -> agent.returnDistributions(new float[4])).isInstanceOf(UnsupportedOperationException.class);
  }

  private static byte[] bytes(Agent agent) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataOutputStream data = new DataOutputStream(out)) {
      agent.checkpoint(data);
    }
    return out.toByteArray();
  }
}
