package org.qprob.agents.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.Fixtures;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.config.NetworkConfig;
import org.qprob.agents.config.OfflineConfig;
import org.qprob.agents.config.ReplayConfig;
import org.qprob.agents.config.TargetConfig;
import org.qprob.agents.random.RandomStream;
import org.qprob.agents.replay.ReplayBatch;
import org.qprob.api.env.Box;
import org.qprob.api.env.Discrete;

/**
 * The offline agents' gradients in double precision against central differences of their batch losses: behaviour
 * cloning's cross-entropy, and offline-xql's three — Q's squared TD error toward r + gamma V(s'), V's Gumbel
 * regression on Q_target(s, a) of the dataset's actions (clipped form), and the advantage-weighted policy loss (whose
 * weights depend on Q and V, not on the policy's parameters).
 */
class OfflineGradientCheckTest {
  private static final int[] SLOTS = {1, 4, 9, 13, 17, 22, 26, 29};
  private static DataType previous;

  @BeforeAll
  static void doublePrecision() {
    previous = Nd4j.dataType();
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
  }

  @AfterAll
  static void restorePrecision() {
    Nd4j.setDefaultDataTypes(previous, previous);
  }

  private static AgentConfig config(String type, String source) {
    return AgentConfig.defaults().withType(type)
        .withNetwork(new NetworkConfig(List.of(6, 5), "elu", "torch-default", false, -4, 8, false))
        .withReplay(ReplayConfig.of(100, SLOTS.length, SLOTS.length, 1))
        .withTarget(new TargetConfig(source, 100, 1.0))
        .withOffline(OfflineConfig.of("test.npz").withAdvantageBeta(0.7))
        .withGamma(0.95);
  }

  @Test
  void behaviourCloningGradientMatchesCentralDifferences() {
    Box obs = new Box(new float[] {-1, -1, -1}, new float[] {1, 1, 1});
    BehaviourCloningAgent agent = new BehaviourCloningAgent(new AgentSetup(config("bc", "target-network"),
        Fixtures.loss("l2"), obs, new Discrete(3), 3), DataType.DOUBLE);
    agent.learnFrom(OfflineFixtures.randomDataset(obs, 3, 30, 3));
    ReplayBatch batch = agent.replay().load(SLOTS);
    OfflineFixtures.assertGradient("policy", agent.policy(), agent.compute(batch).gradient(),
        () -> agent.loss(batch), 0.5);
  }

  @ParameterizedTest(name = "{0} {1} seed={2}")
  @CsvSource({"awr, target-network, 1", "awr, online-stop, 2", "greedy, target-network, 3", "greedy, online-stop, 4"})
  void offlineXqlGradientsMatchCentralDifferences(String policy, String source, long seed) {
    AgentConfig config = config("offline-xql", source);
    config = config.withOffline(config.offline().withPolicy(policy));
    OfflineXqlAgent agent = new OfflineXqlAgent(new AgentSetup(config,
        Fixtures.loss("xql", Map.of("form", "clipped", "beta", 0.8)), new Discrete(7), new Discrete(3), seed),
        DataType.DOUBLE);
    agent.learnFrom(OfflineFixtures.randomDataset(new Discrete(7), 3, 30, seed));
    RandomStream rng = new RandomStream(seed + 50);
    if (agent.qTarget() != null) {
      OfflineFixtures.perturb(agent.qTarget(), rng, 0.5);
    }
    ReplayBatch batch = agent.replay().load(SLOTS);
    double[] discounts = agent.replay().discounts();
    OfflineXqlAgent.Steps steps = agent.compute(batch, discounts);
    OfflineFixtures.assertGradient("Q", agent.q(), steps.qGradient(), () -> agent.losses(batch, discounts)[0], 0.3);
    OfflineFixtures.assertGradient("V", agent.v(), steps.vGradient(), () -> agent.losses(batch, discounts)[1], 0.3);
    if (policy.equals("awr")) {
      OfflineFixtures.assertGradient("policy", agent.policy(), steps.policyGradient(),
          () -> agent.losses(batch, discounts)[2], 0.3);
    } else {
      assertThat(agent.policy()).isNull();
      assertThat(steps.policyGradient()).isNull();
    }
  }
}
