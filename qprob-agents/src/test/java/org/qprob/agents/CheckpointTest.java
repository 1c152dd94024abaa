package org.qprob.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.qprob.agents.config.OriginalConfigs;
import org.qprob.agents.config.ReferenceConfig;
import org.qprob.agents.training.Budget;
import org.qprob.agents.training.EpisodeRecord;
import org.qprob.agents.training.Signal;
import org.qprob.agents.training.TrainingLoop;
import org.qprob.api.agent.Agent;
import org.qprob.api.env.Environment;

/** Checkpoint, continue; restore into a fresh agent, continue the same way: the two continuations are identical. */
class CheckpointTest {
  static Stream<ReferenceConfig> configs() {
    ReferenceConfig xq = OriginalConfigs.extremeQ();
    ReferenceConfig qProb = OriginalConfigs.qProb();
    return Stream.of(OriginalConfigs.qProb(), OriginalConfigs.doubleDqn(), OriginalConfigs.extremeQ(),
        OriginalConfigs.c51(), OriginalConfigs.qrDqn(), OriginalConfigs.dqnPrioritizedNStep(),
        new ReferenceConfig("extreme-q-prioritized-3-step", xq.loss(), xq.lossOptions(),
            xq.agent().withReplay(xq.agent().replay().withKind("prioritized").withNStep(3)), ""),
        new ReferenceConfig("q-prob-prioritized-2-step", qProb.loss(), qProb.lossOptions(),
            qProb.agent().withReplay(qProb.agent().replay().withKind("prioritized").withNStep(2)), ""));
  }

  private static List<EpisodeRecord> continueTraining(Agent agent, int episodes) {
    List<EpisodeRecord> out = new ArrayList<>();
    new TrainingLoop(Fixtures.env("CartPole-v1"), agent, 555).withEpisodeListener(e -> {
      out.add(e);
      return Signal.CONTINUE;
    }).run(Budget.episodes(episodes));
    return out;
  }

  /** Everything in a record but the wall time (boxed, so that NaN equals NaN). */
  private static List<Object> withoutTime(EpisodeRecord e) {
    return List.of(e.episode(), e.envSteps(), e.episodeReturn(), e.length(), e.terminated(),
        e.explorationParameter(), e.meanLoss(), e.meanBeta(), e.updates());
  }

  private static byte[] checkpoint(Agent agent) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      agent.checkpoint(out);
    }
    return bytes.toByteArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void restoredAgentContinuesExactly(ReferenceConfig rc) throws IOException {
    Environment env = Fixtures.env("CartPole-v1");
    Agent original = CartPoleRun.agent(rc, env, 3);
    new TrainingLoop(env, original, 4).run(Budget.episodes(12)); // past learning starts, some updates and target copies
    byte[] saved = checkpoint(original);

    List<EpisodeRecord> expected = continueTraining(original, 8);
    Agent fresh = CartPoleRun.agent(rc, Fixtures.env("CartPole-v1"), 3);
    fresh.restore(new DataInputStream(new ByteArrayInputStream(saved)));
    List<EpisodeRecord> actual = continueTraining(fresh, 8);

    assertThat(expected.stream().mapToInt(EpisodeRecord::updates).sum()).isGreaterThan(50);
    assertThat(actual).hasSameSizeAs(expected);
    assertThat(actual.stream().map(CheckpointTest::withoutTime).toList())
        .isEqualTo(expected.stream().map(CheckpointTest::withoutTime).toList());
    assertThat(checkpoint(fresh)).isEqualTo(checkpoint(original));
  }

  @Test
  void restoreIntoADifferentlyShapedAgentFails() throws IOException {
    Environment env = Fixtures.env("CartPole-v1");
    byte[] saved = checkpoint(CartPoleRun.agent(OriginalConfigs.qProb(), env, 1));
    Agent other = CartPoleRun.agent(OriginalConfigs.baseQLearning(), env, 1);
    assertThatThrownBy(() -> other.restore(new DataInputStream(new ByteArrayInputStream(saved))))
        .isInstanceOf(IOException.class);
  }
}
