package org.qprob.agents.q;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.Fixtures;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.config.BackupConfig;
import org.qprob.agents.config.NetworkConfig;
import org.qprob.agents.config.ReplayConfig;
import org.qprob.agents.config.TargetConfig;
import org.qprob.agents.network.Mlp;
import org.qprob.agents.random.RandomStream;
import org.qprob.api.agent.Transition;
import org.qprob.api.env.Box;
import org.qprob.api.env.Discrete;

/**
 * The importance weights scale each sample's loss and gradient, with prioritized replay and 3-step transitions, for a
 * point, a Gumbel and a categorical loss: the parameter gradient of the weighted batch loss is the weighted sum of the
 * per-sample gradients (each got with a one-hot weight vector), and it matches central differences of the weighted
 * batch loss.
 */
class WeightedGradientTest {
  private static final int BATCH = 6;
  private static final double[] WEIGHTS = {0.3, 1, 0.05, 0.7, 0.5, 0.9};
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

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("l2", Map.of(), "max", "target-network", 1L),
        Arguments.of("l2", Map.of(), "max", "double", 2L),
        Arguments.of("gumbel-kl", Map.of(), "gumbel", "online-stop", 3L),
        Arguments.of("gumbel-kl", Map.of(), "gumbel", "online-grad", 4L),
        Arguments.of("categorical", Map.of("atoms", 11, "v_min", -3.0, "v_max", 3.0), "auto", "target-network", 5L));
  }

  @ParameterizedTest(name = "{0} {2} {3}")
  @MethodSource("cases")
  void weightsScaleEachSamplesGradient(String lossName, Map<String, Object> options, String backup, String source,
      long seed) {
    AgentConfig config = AgentConfig.defaults()
        .withNetwork(new NetworkConfig(List.of(5, 4), "tanh", "torch-default", false, -4, 8, false))
        .withReplay(ReplayConfig.of(100, BATCH, BATCH + 1, 1).withKind("prioritized").withNStep(3))
        .withTarget(new TargetConfig(source, 100, 1.0))
        .withBackup(new BackupConfig(backup, 0.7))
        .withGamma(0.9);
    Box obs = new Box(new float[] {-3, -3, -3}, new float[] {3, 3, 3});
    QLearningAgent agent = new QLearningAgent(
        new AgentSetup(config, Fixtures.loss(lossName, options), obs, new Discrete(3), seed), DataType.DOUBLE);
    RandomStream rng = new RandomStream(200 + seed);
    if (agent.target() != null) {
      INDArray p = agent.target().parameters();
      for (int k = 0; k < p.length(); k++) {
        p.putScalar(k, p.getDouble(k) + 0.3 * (rng.nextDouble() - 0.5));
      }
    }
    for (int i = 0; i < 24; i++) {
      agent.observe(new Transition(randomObs(rng), rng.nextInt(3), 2 * rng.nextDouble() - 1, randomObs(rng),
          i % 6 == 5, i % 9 == 8));
    }
    int[] idx = {0, 3, 7, 11, 14, 19};
    assertThat(agent.buffer().size()).isGreaterThan(19);
    double[] weights = agent.batch().weights();

    double[][] perSample = new double[BATCH][];
    for (int i = 0; i < BATCH; i++) {
      java.util.Arrays.fill(weights, 0);
      weights[i] = 1;
      perSample[i] = Mlp.flat(agent.compute(idx).gradient());
    }
    System.arraycopy(WEIGHTS, 0, weights, 0, BATCH);
    double[] weighted = Mlp.flat(agent.compute(idx).gradient());
    double norm = 0;
    double diff = 0;
    for (int k = 0; k < weighted.length; k++) {
      double sum = 0;
      for (int i = 0; i < BATCH; i++) {
        sum += WEIGHTS[i] * perSample[i][k];
      }
      norm += weighted[k] * weighted[k];
      diff += (weighted[k] - sum) * (weighted[k] - sum);
    }
    assertThat(norm).isPositive();
    assertThat(Math.sqrt(diff / norm)).as("weighted gradient vs the weighted sum of per-sample ones").isLessThan(1e-12);
    assertThat(perSample[0]).isNotEqualTo(perSample[1]);

    // and it is the gradient of the weighted loss
    double[] frozen = source.equals("online-stop") ? agent.nextOutputs(idx) : null;
    INDArray params = agent.online().parameters();
    double h = 1e-6;
    double maxRel = 0;
    for (int k = 0; k < params.length(); k++) {
      double p0 = params.getDouble(k);
      params.putScalar(k, p0 + h);
      double up = agent.loss(idx, frozen);
      params.putScalar(k, p0 - h);
      double down = agent.loss(idx, frozen);
      params.putScalar(k, p0);
      double numeric = (up - down) / (2 * h);
      double scale = Math.max(Math.abs(weighted[k]), Math.abs(numeric));
      if (scale > 1e-7) {
        maxRel = Math.max(maxRel, Math.abs(weighted[k] - numeric) / scale);
      }
    }
    assertThat(maxRel).as("max relative error against central differences").isLessThan(1e-5);
  }

  private static float[] randomObs(RandomStream rng) {
    return new float[] {(float) (2 * rng.nextDouble() - 1), (float) (2 * rng.nextDouble() - 1),
        (float) (2 * rng.nextDouble() - 1)};
  }
}
