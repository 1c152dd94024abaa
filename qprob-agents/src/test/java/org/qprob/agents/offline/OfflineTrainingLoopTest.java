package org.qprob.agents.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qprob.agents.AgentFactory;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.Fixtures;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.config.NetworkConfig;
import org.qprob.agents.config.OfflineConfig;
import org.qprob.agents.config.ReplayConfig;
import org.qprob.agents.dataset.Dataset;
import org.qprob.agents.training.GreedyEvaluation;
import org.qprob.agents.training.TrainingSummary;
import org.qprob.api.PluginRegistry;
import org.qprob.api.agent.Agent;
import org.qprob.api.env.Environment;
import org.qprob.api.run.EvaluationRecord;
import org.qprob.api.run.Signal;
import org.qprob.api.run.TrainingPosition;

/**
 * The offline loop's clock and events, and its determinism: the same seed gives the same agent bytes; a loop stopped
 * at a checkpoint and continued from it in a new agent (given the dataset again, then restored) ends with the bytes
 * and the evaluations of the loop that ran straight through.
 */
class OfflineTrainingLoopTest {
  private static final Map<String, AgentFactory> AGENTS =
      PluginRegistry.load(AgentFactory.class, "agent", AgentFactory::name).all();
  private static final Environment ENV = Fixtures.env("CartPole-v1");
  private static final Dataset DATA = OfflineFixtures.randomDataset(ENV.observationSpace(), 2, 400, 5);

  private static OfflineLearner agent(String type) {
    AgentConfig config = AgentConfig.defaults().withType(type)
        .withNetwork(NetworkConfig.defaults().withHidden(List.of(16)))
        .withReplay(ReplayConfig.of(1000, 32, 32, 1))
        .withOffline(OfflineConfig.of("test.npz"));
    String loss = type.equals("offline-xql") ? "xql" : "l2";
    OfflineLearner a = (OfflineLearner) AGENTS.get(type).create(
        new AgentSetup(config, Fixtures.loss(loss), ENV.observationSpace(), ENV.actionSpace(), 17));
    a.learnFrom(DATA);
    return a;
  }

  private static byte[] bytes(Agent a) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      a.checkpoint(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  private static GreedyEvaluation evaluation() {
    return new GreedyEvaluation(Fixtures.env("CartPole-v1"), 2, 3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"offline-xql", "cql", "offline-dqn", "bc"})
  void resumedFromACheckpointItEndsAsTheStraightRun(String type) throws IOException {
    OfflineLearner straight = agent(type);
    List<EvaluationRecord> straightEvaluations = new ArrayList<>();
    List<Long> updates = new ArrayList<>();
    List<TrainingPosition> positions = new ArrayList<>();
    List<byte[]> saved = new ArrayList<>();
    TrainingSummary s = new OfflineTrainingLoop(straight)
        .withUpdateListener((g, e, u) -> {
          updates.add(g);
          return Signal.CONTINUE;
        })
        .withEvaluation(evaluation(), 100, e -> {
          straightEvaluations.add(e);
          return Signal.CONTINUE;
        })
        .withCheckpoints(100, p -> {
          positions.add(p);
          saved.add(bytes(straight));
          return Signal.CONTINUE;
        })
        .run(300);
    assertThat(s).extracting(TrainingSummary::episodes, TrainingSummary::envSteps, TrainingSummary::gradientSteps,
        TrainingSummary::stoppedByListener).containsExactly(0L, 0L, 300L, false);
    assertThat(updates).hasSize(300).startsWith(1L, 2L).endsWith(300L);
    assertThat(straightEvaluations).extracting(EvaluationRecord::envSteps).containsExactly(100L, 200L, 300L);
    assertThat(positions).extracting(TrainingPosition::gradientSteps).containsExactly(100L, 200L);
    assertThat(positions).extracting(TrainingPosition::envSteps).containsOnly(0L);

    OfflineLearner twin = agent(type);
    new OfflineTrainingLoop(twin).run(300);
    assertThat(bytes(twin)).as("same seed, same bytes").isEqualTo(bytes(straight));

    OfflineLearner resumed = agent(type);
    resumed.restore(new DataInputStream(new ByteArrayInputStream(saved.get(1))));
    List<EvaluationRecord> resumedEvaluations = new ArrayList<>();
    new OfflineTrainingLoop(resumed).withEvaluation(evaluation(), 100, e -> {
      resumedEvaluations.add(e);
      return Signal.CONTINUE;
    }).startingFrom(positions.get(1)).run(300);
    assertThat(bytes(resumed)).isEqualTo(bytes(straight));
    assertThat(resumedEvaluations).extracting(EvaluationRecord::envSteps).containsExactly(300L);
    assertThat(resumedEvaluations.get(0).returns()).isEqualTo(straightEvaluations.get(2).returns());
  }

  @ParameterizedTest
  @ValueSource(strings = {"offline-xql", "cql", "offline-dqn", "bc"})
  void aCheckpointNeedsTheDatasetItWasTakenOn(String type) {
    byte[] saved = bytes(agent(type));
    AgentConfig config = AgentConfig.defaults().withType(type)
        .withNetwork(NetworkConfig.defaults().withHidden(List.of(16)))
        .withReplay(ReplayConfig.of(1000, 32, 32, 1))
        .withOffline(OfflineConfig.of("test.npz"));
    OfflineLearner other = (OfflineLearner) AGENTS.get(type).create(new AgentSetup(config,
        Fixtures.loss(type.equals("offline-xql") ? "xql" : "l2"), ENV.observationSpace(), ENV.actionSpace(), 17));
    other.learnFrom(OfflineFixtures.randomDataset(ENV.observationSpace(), 2, 300, 5));
    assertThatThrownBy(() -> other.restore(new DataInputStream(new ByteArrayInputStream(saved))))
        .isInstanceOf(IOException.class).hasMessageContaining("dataset of 400 transitions; this one holds 300");
  }
}
