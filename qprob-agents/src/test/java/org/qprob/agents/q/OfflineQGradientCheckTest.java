package org.qprob.agents.q;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.Fixtures;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.config.BackupConfig;
import org.qprob.agents.config.NetworkConfig;
import org.qprob.agents.config.OfflineConfig;
import org.qprob.agents.config.ReplayConfig;
import org.qprob.agents.config.TargetConfig;
import org.qprob.agents.offline.OfflineFixtures;
import org.qprob.agents.random.RandomStream;
import org.qprob.agents.replay.ReplayBatch;
import org.qprob.api.env.Box;
import org.qprob.api.env.Discrete;
import org.qprob.api.loss.Loss;

/**
 * Discrete CQL's and offline DQN's gradient in double precision against central differences of the batch loss (TD
 * loss plus alpha times the conservative term {@code logsumexp_a Q(s, a) - Q(s, a_data)}), with every target source:
 * under stop-gradient the next-state outputs are held at their unperturbed values, under a target network they come
 * from the (perturbed) target, with online-grad the gradient flows into both halves.
 */
class OfflineQGradientCheckTest {
  private static final int[] SLOTS = {0, 3, 7, 11, 14, 19};
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

  @ParameterizedTest(name = "{0} {1} {2} alpha={3} clipped={4}")
  @CsvSource({
      "l2, max, target-network, 1.0, false", "l2, max, online-stop, 0.5, false", "l2, max, online-grad, 2.0, false",
      "l2, max, double, 1.0, false", "huber, max, target-network, 1.0, false", "l2, soft, target-network, 1.0, false",
      "l2, max, target-network, 1.0, true", "l2, max, target-network, 0, false",
      "gumbel-kl, gumbel, target-network, 0, false", "categorical, distributional, target-network, 0, false"})
  void gradientMatchesCentralDifferences(String lossName, String backup, String source, double alpha,
      boolean clipped) {
    NetworkConfig net = new NetworkConfig(List.of(5, 4), "tanh", "torch-default", clipped, -0.5, 0.5, false);
    AgentConfig config = AgentConfig.defaults().withType(alpha > 0 ? "cql" : "offline-dqn")
        .withNetwork(net)
        .withReplay(ReplayConfig.of(100, SLOTS.length, SLOTS.length, 1))
        .withTarget(new TargetConfig(source, 100, 1.0))
        .withBackup(new BackupConfig(backup, 0.7))
        .withOffline(OfflineConfig.of("test.npz"))
        .withGamma(0.9);
    Box obs = new Box(new float[] {-1, -1, -1}, new float[] {1, 1, 1});
    Loss loss = lossName.equals("categorical") ? Fixtures.loss(lossName, Map.of("atoms", 5, "v_min", -2.0,
        "v_max", 2.0)) : Fixtures.loss(lossName);
    long seed = (long) (lossName.hashCode() + source.hashCode() + alpha * 10);
    OfflineQAgent agent = new OfflineQAgent(new AgentSetup(config, loss, obs, new Discrete(3), seed),
        config.type(), alpha, DataType.DOUBLE);
    agent.learnFrom(OfflineFixtures.randomDataset(obs, 3, 20, seed));
    if (agent.target() != null) {
      OfflineFixtures.perturb(agent.target(), new RandomStream(seed + 1), 0.3);
    }
    ReplayBatch batch = agent.replay().load(SLOTS);
    double[] discounts = agent.replay().discounts();
    OfflineQAgent.Step step = agent.compute(batch, discounts);
    double[] frozen = source.equals("online-stop") ? agent.frozenNext(batch) : null;
    OfflineFixtures.assertGradient("Q", agent.online(), step.gradient(), () -> agent.loss(batch, discounts, frozen),
        clipped ? 0.2 : 0.5);
  }
}
