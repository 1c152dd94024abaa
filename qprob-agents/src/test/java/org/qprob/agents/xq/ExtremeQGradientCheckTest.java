package org.qprob.agents.xq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.Fixtures;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.config.NetworkConfig;
import org.qprob.agents.config.ReplayConfig;
import org.qprob.agents.config.TargetConfig;
import org.qprob.agents.network.Mlp;
import org.qprob.agents.random.RandomStream;
import org.qprob.api.agent.Transition;
import org.qprob.api.env.Discrete;

/**
 * X-DQN's two gradients in double precision against central differences: Q's squared TD error w.r.t. the Q
 * parameters, and the Gumbel regression loss (clipped form) w.r.t. the V parameters. Observations are discrete
 * (one-hot), which also exercises the encoder.
 */
class ExtremeQGradientCheckTest {
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

  @ParameterizedTest
  @CsvSource({"target-network, 1, false", "online-stop, 2, false", "target-network, 3, false",
      "target-network, 4, true", "online-stop, 5, true"})
  void gradientsMatchCentralDifferences(String source, long seed, boolean weighted) {
    ReplayConfig replay = weighted
        ? ReplayConfig.of(100, 8, 10, 1).withKind("prioritized").withNStep(3)
        : ReplayConfig.of(100, 8, 8, 1);
    AgentConfig config = AgentConfig.defaults().withType("extreme-q")
        .withNetwork(new NetworkConfig(List.of(6, 5), "elu", "torch-default", false, -4, 8, false))
        .withReplay(replay)
        .withTarget(new TargetConfig(source, 100, 1.0))
        .withGamma(0.95);
    ExtremeQAgent agent = new ExtremeQAgent(new AgentSetup(config,
        Fixtures.loss("xql", Map.of("form", "clipped", "beta", 0.8)), new Discrete(7), new Discrete(3), seed),
        DataType.DOUBLE);
    RandomStream rng = new RandomStream(seed + 50);
    if (agent.qTarget() != null) {
      INDArray p = agent.qTarget().parameters();
      for (int k = 0; k < p.length(); k++) {
        p.putScalar(k, p.getDouble(k) + 0.5 * (rng.nextDouble() - 0.5));
      }
    }
    for (int i = 0; i < 30; i++) {
      agent.observe(new Transition(new float[] {rng.nextInt(7)}, rng.nextInt(3), 2 * rng.nextDouble() - 1,
          new float[] {rng.nextInt(7)}, i % 5 == 4, false));
    }
    int[] idx = {1, 4, 9, 13, 17, 22, 26, 29};
    if (weighted) {
      // importance weights as a prioritized sampler would set them; the losses and gradients both use them
      System.arraycopy(new double[] {0.3, 1, 0.05, 0.7, 0.5, 0.9, 0.2, 0.6}, 0, agent.batch().weights(), 0, 8);
    }
    ExtremeQNetworks.Regression steps = agent.compute(idx);
    check(agent, agent.q(), Mlp.flat(steps.qGradient()), idx, 0);
    check(agent, agent.v(), Mlp.flat(steps.vGradient()), idx, 1);
  }

  private static void check(ExtremeQAgent agent, Mlp net, double[] analytic, int[] idx, int which) {
    INDArray params = net.parameters();
    double h = 1e-6;
    double maxRel = 0;
    int nonZero = 0;
    for (int k = 0; k < params.length(); k++) {
      double p0 = params.getDouble(k);
      params.putScalar(k, p0 + h);
      double up = agent.losses(idx)[which];
      params.putScalar(k, p0 - h);
      double down = agent.losses(idx)[which];
      params.putScalar(k, p0);
      double numeric = (up - down) / (2 * h);
      double scale = Math.max(Math.abs(analytic[k]), Math.abs(numeric));
      if (scale > 1e-7) {
        maxRel = Math.max(maxRel, Math.abs(analytic[k] - numeric) / scale);
        nonZero++;
      } else {
        assertThat(Math.abs(analytic[k] - numeric)).isLessThan(1e-9);
      }
    }
    assertThat(nonZero).isGreaterThan((int) params.length() / 3);
    assertThat(maxRel).as(which == 0 ? "Q" : "V").isLessThan(1e-5);
  }
}
