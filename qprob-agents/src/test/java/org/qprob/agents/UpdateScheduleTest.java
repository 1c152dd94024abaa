package org.qprob.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.config.ReplayConfig;
import org.qprob.agents.config.TargetConfig;
import org.qprob.agents.q.QLearningAgentFactory;
import org.qprob.agents.xq.ExtremeQAgentFactory;
import org.qprob.api.agent.Agent;
import org.qprob.api.agent.Transition;
import org.qprob.api.agent.UpdateResult;
import org.qprob.api.env.Box;
import org.qprob.api.env.Discrete;

/**
 * When agents take gradient steps: after {@code replay.learningStarts} environment steps (not stored transitions, so a
 * learning start at or past the capacity still learns), every {@code replay.updateEvery} steps,
 * {@code replay.gradientSteps} at a time, each on its own batch; the target network still follows by env steps.
 */
class UpdateScheduleTest {
  private static final Box OBSERVATIONS = new Box(new float[] {-1, -1, -1}, new float[] {1, 1, 1});

  private static AgentFactory factory(String type) {
    return type.equals("extreme-q") ? new ExtremeQAgentFactory() : new QLearningAgentFactory();
  }

  private static Agent agent(String type, ReplayConfig replay, int targetEvery) {
    AgentConfig config = AgentConfig.defaults().withType(type).withReplay(replay)
        .withTarget(new TargetConfig("target-network", targetEvery, 1.0));
    return factory(type).create(new AgentSetup(config, Fixtures.loss(type.equals("extreme-q") ? "xql" : "l2"),
        OBSERVATIONS, new Discrete(2), 7));
  }

  /** {@code steps} random transitions, the same for every call with the same seed. */
  private static List<Transition> transitions(int steps) {
    SplittableRandom random = new SplittableRandom(11);
    List<Transition> out = new ArrayList<>();
    float[] obs = {0, 0, 0};
    for (int t = 0; t < steps; t++) {
      float[] next = {(float) random.nextDouble(-1, 1), (float) random.nextDouble(-1, 1), (float) random.nextDouble(-1, 1)};
      boolean end = random.nextInt(20) == 0;
      out.add(new Transition(obs, random.nextInt(2), random.nextDouble(), next, end, false));
      obs = end ? new float[] {0, 0, 0} : next;
    }
    return out;
  }

  /** The gradient steps each env step took, in order. */
  private static List<Integer> run(Agent agent, List<Transition> ts) {
    List<Integer> steps = new ArrayList<>();
    for (Transition t : ts) {
      agent.observe(t);
      UpdateResult u = agent.update();
      assertThat(u.updated()).isEqualTo(u.gradientSteps() > 0);
      steps.add(u.gradientSteps());
    }
    return steps;
  }

  @ParameterizedTest
  @ValueSource(strings = {"q-learning", "extreme-q"})
  void learningStartsCountsEnvStepsEvenPastTheCapacity(String type) {
    Agent agent = agent(type, ReplayConfig.of(100, 16, 150, 1), 50);
    List<Integer> steps = run(agent, transitions(200));
    for (int t = 1; t <= 200; t++) {
      assertThat(steps.get(t - 1)).as("gradient steps at env step %d", t).isEqualTo(t > 150 ? 1 : 0);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"q-learning", "extreme-q"})
  void eachUpdateEventTakesGradientStepsOnFreshBatches(String type) throws IOException {
    ReplayConfig replay = ReplayConfig.of(1000, 16, 40, 10).withGradientSteps(3);
    Agent agent = agent(type, replay, 25);
    List<Integer> steps = run(agent, transitions(100));
    long total = 0;
    for (int t = 1; t <= 100; t++) {
      int expected = t > 40 && t % 10 == 0 ? 3 : 0;
      assertThat(steps.get(t - 1)).as("gradient steps at env step %d", t).isEqualTo(expected);
      total += steps.get(t - 1);
    }
    assertThat(total).isEqualTo(replay.impliedGradientSteps(100)).isEqualTo(18);
    // three steps on fresh batches move the network elsewhere than one step, and than three steps on one batch would
    Agent once = agent(type, ReplayConfig.of(1000, 16, 40, 10), 25);
    run(once, transitions(100));
    assertThat(bytes(agent)).isNotEqualTo(bytes(once));
    // and the same config and seed give the same agent
    Agent again = agent(type, replay, 25);
    run(again, transitions(100));
    assertThat(bytes(again)).isEqualTo(bytes(agent));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5})
  void impliedGradientStepsCountsUpdateEvents(int gradientSteps) {
    ReplayConfig r = ReplayConfig.of(50, 8, 30, 4).withGradientSteps(gradientSteps);
    assertThat(r.impliedGradientSteps(30)).isZero();
    assertThat(r.impliedGradientSteps(31)).isZero();
    assertThat(r.impliedGradientSteps(32)).isEqualTo(gradientSteps);
    assertThat(r.impliedGradientSteps(100)).isEqualTo(gradientSteps * (25 - 7));
  }

  private static byte[] bytes(Agent agent) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    agent.checkpoint(new DataOutputStream(out));
    return out.toByteArray();
  }
}
