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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qprob.agents.config.OriginalConfigs;
import org.qprob.agents.config.ReferenceConfig;
import org.qprob.agents.training.Budget;
import org.qprob.agents.training.TrainingLoop;
import org.qprob.api.agent.Agent;
import org.qprob.api.env.Environment;
import org.qprob.api.run.EpisodeRecord;
import org.qprob.api.run.Signal;

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

  /**
   * Steps {@code agent} in {@code env} for {@code steps} steps, resetting at episode ends; records each transition in
   * {@code steps}' order into {@code record} and returns, per step, the action and the update's result.
   */
  private static List<Object> drive(Agent agent, Environment env, float[][] obs, int steps,
      List<org.qprob.api.agent.Transition> record) {
    List<Object> out = new ArrayList<>();
    for (int k = 0; k < steps; k++) {
      int a = agent.act(obs[0], org.qprob.api.agent.ActMode.EXPLORE);
      org.qprob.api.env.StepResult r = env.step(a);
      org.qprob.api.agent.Transition t = new org.qprob.api.agent.Transition(obs[0], a, r.reward(), r.observation(),
          r.terminated(), r.truncated());
      record.add(t);
      agent.observe(t);
      out.add(a);
      out.add(agent.update());
      obs[0] = r.done() ? env.reset() : r.observation();
    }
    return out;
  }

  /** Replays recorded transitions into {@code agent}, acting on each observation as {@link #drive} did. */
  private static List<Object> replay(Agent agent, List<org.qprob.api.agent.Transition> record) {
    List<Object> out = new ArrayList<>();
    for (org.qprob.api.agent.Transition t : record) {
      out.add(agent.act(t.observation(), org.qprob.api.agent.ActMode.EXPLORE));
      agent.observe(t);
      out.add(agent.update());
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void aCheckpointTakenMidEpisodeHoldsTheNStepWindow(ReferenceConfig rc) throws IOException {
    Environment env = Fixtures.env("CartPole-v1");
    Agent original = CartPoleRun.agent(rc, env, 5);
    float[][] obs = {env.reset(9)};
    List<org.qprob.api.agent.Transition> before = new ArrayList<>();
    drive(original, env, obs, 300, before);
    assertThat(before.get(before.size() - 1).episodeEnd()).as("mid-episode").isFalse();
    byte[] saved = checkpoint(original);

    List<org.qprob.api.agent.Transition> after = new ArrayList<>();
    List<Object> expected = drive(original, env, obs, 40, after);
    Agent fresh = CartPoleRun.agent(rc, Fixtures.env("CartPole-v1"), 5);
    fresh.restore(new DataInputStream(new ByteArrayInputStream(saved)));
    // the same 40 steps (actions, update results) and the same memory afterwards
    assertThat(replay(fresh, after)).isEqualTo(expected);
    assertThat(checkpoint(fresh)).isEqualTo(checkpoint(original));
  }

  @Test
  void aVersionOneCheckpointIsRefusedWithOneLine() throws IOException {
    Agent agent = CartPoleRun.agent(OriginalConfigs.dqnTarget(), Fixtures.env("CartPole-v1"), 1);
    byte[] saved = checkpoint(agent);
    saved[3] = 1; // the leading int: the format version
    assertThatThrownBy(() -> agent.restore(new DataInputStream(new ByteArrayInputStream(saved))))
        .isInstanceOf(IOException.class)
        .hasMessage("q-learning checkpoint version 1 is not supported; expected 2 (version 1 predates prioritized and "
            + "n-step replay; start the run afresh)");
  }

  @Test
  void aCheckpointWithATargetNetworkIsRefusedByAnAgentWithoutOne() throws IOException {
    ReferenceConfig withTarget = OriginalConfigs.dqnTarget();
    ReferenceConfig without = new ReferenceConfig("dqn-online-stop", withTarget.loss(), withTarget.lossOptions(),
        withTarget.agent().withTarget(org.qprob.agents.config.TargetConfig.of("online-stop")), "");
    Environment env = Fixtures.env("CartPole-v1");
    byte[] saved = checkpoint(CartPoleRun.agent(withTarget, env, 1));
    Agent other = CartPoleRun.agent(without, env, 1);
    assertThatThrownBy(() -> other.restore(new DataInputStream(new ByteArrayInputStream(saved))))
        .isInstanceOf(IOException.class)
        .hasMessage("the checkpoint has a target network and this agent has none (target.source online-stop); "
            + "expected the config it was written with");
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
