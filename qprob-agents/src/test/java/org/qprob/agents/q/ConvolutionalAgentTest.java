package org.qprob.agents.q;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.Fixtures;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.config.ConvConfig;
import org.qprob.agents.config.NetworkConfig;
import org.qprob.agents.config.ReplayConfig;
import org.qprob.agents.config.TargetConfig;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.Transition;
import org.qprob.api.agent.UpdateResult;
import org.qprob.api.env.Environment;
import org.qprob.api.env.StepResult;

/**
 * The convolutional torso behind every kind of output model, on a MinAtar game: the agent takes updates with each
 * loss, its parameters stay finite and move, and a checkpoint restored into a fresh agent continues exactly.
 */
class ConvolutionalAgentTest {
  private static final String GAME = "MinAtar/Breakout-v1";

  static Stream<Arguments> losses() {
    return Stream.of(
        Arguments.of("l2", Map.of()),
        Arguments.of("huber", Map.of()),
        Arguments.of("categorical", Map.of("atoms", 11, "v_min", -5.0, "v_max", 5.0)),
        Arguments.of("gumbel-kl", Map.of()),
        Arguments.of("quantile-huber", Map.of()));
  }

  private static AgentConfig config() {
    // MinAtar's torso with fewer units, so the test stays quick
    NetworkConfig net = NetworkConfig.minAtar().withConv(new ConvConfig(8, 3, 1, "valid")).withHidden(List.of(32));
    return AgentConfig.defaults()
        .withNetwork(net)
        .withReplay(ReplayConfig.of(1_000, 32, 40, 1))
        .withTarget(new TargetConfig("target-network", 25, 1.0));
  }

  private static QLearningAgent agent(String loss, Map<String, Object> options, Environment env) {
    return new QLearningAgent(new AgentSetup(config(), Fixtures.loss(loss, options), env.observationSpace(),
        env.actionSpace(), 7));
  }

  private static byte[] checkpoint(QLearningAgent agent) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      agent.checkpoint(out);
    }
    return bytes.toByteArray();
  }

  /** Acts, steps, observes and updates for {@code steps} steps; returns the transitions and each update's result. */
  private static List<UpdateResult> drive(QLearningAgent agent, Environment env, float[][] obs, int steps,
      List<Transition> record) {
    List<UpdateResult> out = new ArrayList<>();
    for (int k = 0; k < steps; k++) {
      int a = agent.act(obs[0], ActMode.EXPLORE);
      StepResult r = env.step(a);
      Transition t = new Transition(obs[0], a, r.reward(), r.observation(), r.terminated(), r.truncated());
      record.add(t);
      agent.observe(t);
      out.add(agent.update());
      obs[0] = r.done() ? env.reset() : r.observation();
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("losses")
  void takesUpdatesWithEveryLossAndItsCheckpointRoundTrips(String loss, Map<String, Object> options)
      throws IOException {
    Environment env = Fixtures.env(GAME);
    QLearningAgent agent = agent(loss, options, env);
    float[][] obs = {env.reset(3)};
    double[] initial = agent.online().parameters().dup().data().asDouble();
    List<UpdateResult> first = drive(agent, env, obs, 90, new ArrayList<>());
    assertThat(first.stream().filter(UpdateResult::updated).count()).isGreaterThan(40);
    assertThat(first.stream().filter(UpdateResult::updated).allMatch(u -> Double.isFinite(u.loss()))).isTrue();
    assertThat(agent.online().parametersFinite()).isTrue();
    assertThat(agent.online().parameters().dup().data().asDouble()).isNotEqualTo(initial);

    byte[] saved = checkpoint(agent);
    List<Transition> record = new ArrayList<>();
    List<UpdateResult> expected = drive(agent, env, obs, 30, record);
    QLearningAgent fresh = agent(loss, options, Fixtures.env(GAME));
    fresh.restore(new DataInputStream(new ByteArrayInputStream(saved)));
    List<UpdateResult> actual = new ArrayList<>();
    for (Transition t : record) {
      assertThat(fresh.act(t.observation(), ActMode.EXPLORE)).isEqualTo(t.action());
      fresh.observe(t);
      actual.add(fresh.update());
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(checkpoint(fresh)).isEqualTo(checkpoint(agent));
  }

  @Test
  void theExtremeQAgentTrainsBothItsNetworksOnTheTorso() {
    Environment env = Fixtures.env(GAME);
    org.qprob.agents.AgentFactory factory = org.qprob.api.PluginRegistry.load(org.qprob.agents.AgentFactory.class,
        "agent", org.qprob.agents.AgentFactory::name).get("extreme-q");
    org.qprob.api.agent.Agent agent = factory.create(new AgentSetup(config().withType("extreme-q"),
        Fixtures.loss("xql", Map.of()), env.observationSpace(), env.actionSpace(), 8));
    float[] obs = env.reset(4);
    int updates = 0;
    for (int k = 0; k < 80; k++) {
      int a = agent.act(obs, ActMode.EXPLORE);
      StepResult r = env.step(a);
      agent.observe(new Transition(obs, a, r.reward(), r.observation(), r.terminated(), r.truncated()));
      UpdateResult u = agent.update();
      if (u.updated()) {
        assertThat(u.loss()).isFinite();
        updates++;
      }
      obs = r.done() ? env.reset() : r.observation();
    }
    assertThat(updates).isGreaterThan(30);
  }

  @Test
  void aConvolutionOnCartPoleIsRefusedWithOneLine() {
    Environment env = Fixtures.env("CartPole-v1");
    assertThatThrownBy(() -> agent("l2", Map.of(), env))
        .hasMessage("network.conv needs observations on a grid of shape [rows, columns, channels]; the observation"
            + " space has shape [4]; expected no network.conv for it");
  }
}
