package org.qprob.agents.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qprob.agents.AgentFactory;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.Fixtures;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.config.NetworkConfig;
import org.qprob.agents.config.OfflineConfig;
import org.qprob.agents.config.ReplayConfig;
import org.qprob.agents.config.TargetConfig;
import org.qprob.agents.dataset.Dataset;
import org.qprob.agents.dataset.DatasetBuilder;
import org.qprob.agents.dataset.DatasetInfo;
import org.qprob.agents.random.RandomStream;
import org.qprob.agents.random.Seeds;
import org.qprob.agents.training.GreedyEvaluation;
import org.qprob.api.PluginRegistry;
import org.qprob.api.agent.Transition;
import org.qprob.api.env.Environment;
import org.qprob.api.env.StepResult;
import org.qprob.api.loss.Loss;

/**
 * The offline agents learn CartPole-v1 from small datasets, with no interaction: from 5,000 transitions of uniformly
 * random actions (mean return about 22), offline-xql, cql and offline-dqn reach a greedy return well above random in
 * 2,000 gradient steps; behaviour cloning of a balancing controller (epsilon 0.1) balances, and of the random data it
 * does not. Each threshold is far from what a policy that learned nothing scores, so a broken agent fails.
 */
class OfflineLearningTest {
  private static final Map<String, AgentFactory> AGENTS =
      PluginRegistry.load(AgentFactory.class, "agent", AgentFactory::name).all();
  private static Dataset random;
  private static Dataset controller;

  @BeforeAll
  static void datasets() {
    RandomStream rng = new RandomStream(7);
    random = record(obs -> rng.nextInt(2), 5_000, 11);
    // a linear controller that balances: push toward where the pole falls, with a random action 10% of the time
    controller = record(obs -> rng.nextDouble() < 0.1 ? rng.nextInt(2)
        : obs[2] + 0.5 * obs[3] + 0.05 * obs[1] > 0 ? 1 : 0, 5_000, 12);
  }

  private static Dataset record(Function<float[], Integer> policy, int steps, long seed) {
    Environment env = Fixtures.env("CartPole-v1");
    DatasetBuilder b = new DatasetBuilder(new int[] {4});
    long episode = 0;
    while (b.size() < steps) {
      float[] obs = env.reset(Seeds.derive(seed, episode++));
      while (true) {
        int a = policy.apply(obs);
        StepResult r = env.step(a);
        b.add(new Transition(obs, a, r.reward(), r.observation(), r.terminated(), r.truncated()));
        obs = r.observation();
        if (r.done()) {
          break;
        }
        if (b.size() >= steps) {
          b.truncateLast();
          break;
        }
      }
    }
    return b.build(new DatasetInfo("CartPole-v1", null, "test", null, seed));
  }

  private static double mean(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  /** The greedy return, over 10 episodes, of {@code type} after {@code steps} gradient steps on {@code data}. */
  private static double trained(String type, Loss loss, AgentConfig extra, Dataset data, int steps) {
    AgentConfig config = extra.withType(type)
        .withNetwork(NetworkConfig.defaults().withHidden(List.of(64, 64)))
        .withReplay(ReplayConfig.of(1000, 64, 64, 1))
        .withTarget(new TargetConfig("target-network", 100, 1.0))
        .withOffline(extra.offline().withDataset("test.npz"));
    OfflineLearner agent = (OfflineLearner) AGENTS.get(type).create(
        new AgentSetup(config, loss, Fixtures.env("CartPole-v1").observationSpace(),
            Fixtures.env("CartPole-v1").actionSpace(), 3));
    agent.learnFrom(data);
    OfflineTrainingLoop loop = new OfflineTrainingLoop(agent);
    assertThat(loop.run(steps).gradientSteps()).isEqualTo(steps);
    assertThat(agent.updates()).isEqualTo(steps);
    double[] returns = new GreedyEvaluation(Fixtures.env("CartPole-v1"), 10, 99).run(agent);
    return Arrays.stream(returns).average().orElseThrow();
  }

  @Test
  void theDatasetsAreWhatTheTestsAssume() {
    assertThat(mean(random.episodeReturns())).isBetween(15.0, 30.0);
    assertThat(mean(controller.episodeReturns())).isGreaterThan(150.0);
  }

  @Test
  void offlineXqlLearnsFromRandomData() {
    double awr = trained("offline-xql", Fixtures.loss("xql", Map.of("beta", 1.0)), AgentConfig.defaults(), random,
        2_000);
    double greedy = trained("offline-xql", Fixtures.loss("xql", Map.of("beta", 1.0)), AgentConfig.defaults()
        .withOffline(OfflineConfig.defaults().withPolicy("greedy")), random, 2_000);
    assertThat(awr).as("awr").isGreaterThan(100);
    assertThat(greedy).as("greedy").isGreaterThan(100);
  }

  @Test
  void cqlAndOfflineDqnLearnFromRandomData() {
    assertThat(trained("cql", Fixtures.loss("l2"), AgentConfig.defaults(), random, 2_000)).as("cql").isGreaterThan(100);
    assertThat(trained("offline-dqn", Fixtures.loss("l2"), AgentConfig.defaults(), random, 2_000)).as("offline-dqn")
        .isGreaterThan(100);
  }

  @Test
  void behaviourCloningImitatesTheController() {
    assertThat(trained("bc", Fixtures.loss("l2"), AgentConfig.defaults(), controller, 2_000)).as("bc of the controller")
        .isGreaterThan(200);
    assertThat(trained("bc", Fixtures.loss("l2"), AgentConfig.defaults(), random, 1_000)).as("bc of random actions")
        .isLessThan(60);
  }
}
