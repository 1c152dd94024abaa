package org.qprob.agents.q;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
 * Whole-network gradient check in double precision: the parameter gradient the agent computes (the loss's analytic
 * gradient pushed through the output head and DL4J's backprop) against central differences of the batch-mean loss
 * w.r.t. every online parameter. Under stop-gradient the next-state outputs are held at their unperturbed values (that
 * is what stop-gradient differentiates); under a target network they come from the unperturbed target.
 */
class GradientCheckTest {
  private static final int BATCH = 6;
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
        Arguments.of("gumbel-kl", "gumbel", "online-grad", true, 1L),
        Arguments.of("gumbel-kl", "gumbel", "online-grad", false, 2L),
        Arguments.of("gumbel-kl", "gumbel", "online-stop", true, 3L),
        Arguments.of("gumbel-kl", "gumbel", "online-stop", false, 4L),
        Arguments.of("gumbel-kl", "gumbel", "target-network", true, 5L),
        Arguments.of("gumbel-kl", "gumbel", "target-network", false, 6L),
        Arguments.of("l2", "max", "online-grad", false, 7L),
        Arguments.of("l2", "max", "online-stop", false, 8L),
        Arguments.of("l2", "max", "target-network", false, 9L),
        Arguments.of("l2", "max", "double", false, 10L),
        Arguments.of("l2", "soft", "online-grad", false, 11L),
        Arguments.of("l2", "soft", "target-network", false, 12L),
        Arguments.of("huber", "max", "online-grad", false, 13L),
        Arguments.of("xql-clipped", "max", "target-network", false, 14L));
  }

  @ParameterizedTest(name = "{0} {1} {2} originalOutputs={3} seed={4}")
  @MethodSource("cases")
  void agentGradientMatchesCentralDifferences(String lossName, String backup, String source, boolean originalOutputs,
      long seed) {
    NetworkConfig net = new NetworkConfig(List.of(5, 4), "tanh", "torch-default", originalOutputs, -4, 8,
        originalOutputs);
    check(lossName, backup, source, originalOutputs, seed, net,
        new Box(new float[] {-3, -3, -3}, new float[] {3, 3, 3}));
  }

  static Stream<Arguments> convolutionalCases() {
    return Stream.of(
        Arguments.of("gumbel-kl", "gumbel", "online-grad", 21L),
        Arguments.of("l2", "max", "target-network", 22L),
        Arguments.of("l2", "max", "double", 23L),
        Arguments.of("categorical", "distributional", "target-network", 24L),
        Arguments.of("quantile-huber", "distributional", "target-network", 25L));
  }

  /**
   * The same check through a convolutional torso on 0/1 grids of shape [5, 4, 2] (3 filters of 3x3, stride 1, then
   * a dense layer of 4): the gradient reaches the convolution's weights and biases through both halves of a joint
   * s / s' batch (online-grad) or the s half alone.
   */
  @ParameterizedTest(name = "conv {0} {1} {2} seed={3}")
  @MethodSource("convolutionalCases")
  void convolutionalAgentGradientMatchesCentralDifferences(String lossName, String backup, String source, long seed) {
    NetworkConfig net = new NetworkConfig(List.of(4), "tanh", "torch-default", false, -4, 8, false,
        new org.qprob.agents.config.ConvConfig(3, 3, 1, "valid"));
    check(lossName, backup, source, false, seed, net, new Box(new float[40], filled(40, 1f), new int[] {5, 4, 2}));
  }

  private static float[] filled(int n, float value) {
    float[] v = new float[n];
    java.util.Arrays.fill(v, value);
    return v;
  }

  private void check(String lossName, String backup, String source, boolean originalOutputs, long seed,
      NetworkConfig net, Box obs) {
    AgentConfig config = AgentConfig.defaults()
        .withNetwork(net)
        .withReplay(ReplayConfig.of(100, BATCH, BATCH, 1))
        .withTarget(new TargetConfig(source, 100, 1.0))
        .withBackup(new BackupConfig(backup, 0.7))
        .withGamma(0.9);
    QLearningAgent agent = new QLearningAgent(
        new AgentSetup(config, loss(lossName), obs, new Discrete(3), seed), DataType.DOUBLE);
    RandomStream rng = new RandomStream(100 + seed);
    if (agent.target() != null) {
      // a target that differs from the online network
      Mlp t = agent.target();
      INDArray p = t.parameters();
      for (int k = 0; k < p.length(); k++) {
        p.putScalar(k, p.getDouble(k) + 0.3 * (rng.nextDouble() - 0.5));
      }
    }
    for (int i = 0; i < 20; i++) {
      float[] s = randomObs(rng, obs);
      float[] s2 = randomObs(rng, obs);
      double reward = originalOutputs ? 0.5 + rng.nextDouble() : 2 * rng.nextDouble() - 1;
      agent.observe(new Transition(s, rng.nextInt(3), reward, s2, i % 4 == 3, false));
    }
    int[] idx = {0, 3, 7, 11, 14, 19};
    double[] analytic = Mlp.flat(agent.compute(idx).gradient());
    boolean stop = source.equals("online-stop");
    double[] frozen = stop ? agent.nextOutputs(idx) : null;

    INDArray params = agent.online().parameters();
    assertThat(analytic).hasSize((int) params.length());
    double h = 1e-6;
    double maxRel = 0;
    double diffSq = 0;
    double sumSq = 0;
    int nonZero = 0;
    for (int k = 0; k < params.length(); k++) {
      double p0 = params.getDouble(k);
      params.putScalar(k, p0 + h);
      double up = agent.loss(idx, frozen);
      params.putScalar(k, p0 - h);
      double down = agent.loss(idx, frozen);
      params.putScalar(k, p0);
      double numeric = (up - down) / (2 * h);
      double a = analytic[k];
      double scale = Math.max(Math.abs(a), Math.abs(numeric));
      if (scale > 1e-7) {
        maxRel = Math.max(maxRel, Math.abs(a - numeric) / scale);
        nonZero++;
      } else {
        assertThat(Math.abs(a - numeric)).as("parameter %d", k).isLessThan(1e-9);
      }
      diffSq += (a - numeric) * (a - numeric);
      sumSq += (a + numeric) * (a + numeric);
    }
    assertThat(nonZero).as("parameters with a non-zero gradient").isGreaterThan((int) params.length() / 2);
    assertThat(maxRel).as("max relative error").isLessThan(1e-5);
    assertThat(Math.sqrt(diffSq / sumSq)).as("relative error of the whole gradient").isLessThan(1e-6);
  }

  /** The loss; xql in its clipped form, as the max-rescaled form holds a batch maximum constant by design. */
  private static org.qprob.api.loss.Loss loss(String name) {
    return name.equals("xql-clipped")
        ? Fixtures.loss("xql", java.util.Map.of("form", "clipped", "beta", 2.0))
        : Fixtures.loss(name);
  }

  /** Three values in [-1, 1] for the vector box; 0/1 cells, about a third set, for a grid. */
  private static float[] randomObs(RandomStream rng, Box obs) {
    if (obs.shape().length == 1) {
      return new float[] {(float) (2 * rng.nextDouble() - 1), (float) (2 * rng.nextDouble() - 1),
          (float) (2 * rng.nextDouble() - 1)};
    }
    float[] x = new float[obs.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextDouble() < 0.35 ? 1f : 0f;
    }
    return x;
  }
}
