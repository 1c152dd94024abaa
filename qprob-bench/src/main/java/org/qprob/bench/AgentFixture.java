package org.qprob.bench;

import java.util.Map;
import org.qprob.agents.AgentFactory;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.config.NetworkConfig;
import org.qprob.agents.config.OriginalConfigs;
import org.qprob.agents.config.ReferenceConfig;
import org.qprob.agents.config.ReplayConfig;
import org.qprob.agents.config.TargetConfig;
import org.qprob.agents.random.Seeds;
import org.qprob.api.Options;
import org.qprob.api.PluginRegistry;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.Agent;
import org.qprob.api.agent.Transition;
import org.qprob.api.env.Environment;
import org.qprob.api.env.EnvironmentProvider;
import org.qprob.api.env.StepResult;
import org.qprob.api.loss.LossProvider;

/**
 * An agent of one of the reference configurations on CartPole-v1 (or of MinAtar's network on a MinAtar game), made
 * through the plugin registries as a run makes it, whose replay buffer already holds {@code fill} transitions of its own exploring play, together with a further
 * {@code spare} recorded transitions to feed it during a benchmark.
 *
 * @param agent the agent, ready to update
 * @param spare transitions recorded after the fill, in order, not yet observed
 */
record AgentFixture(Agent agent, Transition[] spare) {
  /** The original configurations by the names the benchmarks take. */
  static final Map<String, ReferenceConfig> CONFIGS =
      Map.of("q-prob", OriginalConfigs.qProb(), "base-q-learning", OriginalConfigs.baseQLearning(),
          "dqn-target", OriginalConfigs.dqnTarget(), "c51", OriginalConfigs.c51(), "qr-dqn", OriginalConfigs.qrDqn(),
          "dqn-prioritized", prioritized(OriginalConfigs.dqnTarget(), 1),
          "dqn-prioritized-3-step", prioritized(OriginalConfigs.dqnTarget(), 3));

  /**
   * Configurations on MinAtar's network ({@code examples/dqn.py}: one 3x3 convolution of 16 filters, a dense layer
   * of 128), batch 32 and a target network, by the names the benchmarks take, with the environment they play.
   */
  static final Map<String, ReferenceConfig> MINATAR_CONFIGS =
      Map.of("minatar-l2", minAtar("l2", Map.of()),
          "minatar-c51", minAtar("categorical", Map.of("atoms", 51, "v_min", -10.0, "v_max", 10.0)));

  /** The environment of the MinAtar configurations. */
  static final String MINATAR_GAME = "MinAtar/Breakout-v1";

  private static ReferenceConfig minAtar(String loss, Map<String, Object> options) {
    AgentConfig agent = AgentConfig.defaults()
        .withNetwork(NetworkConfig.minAtar())
        .withReplay(ReplayConfig.of(100_000, 32, 500, 1))
        .withTarget(new TargetConfig("target-network", 1_000, 1.0));
    return new ReferenceConfig("minatar-" + loss, loss, options, agent, "MinAtar's network, batch 32");
  }

  /** {@code rc} with prioritized replay (its default options) and {@code n}-step returns. */
  private static ReferenceConfig prioritized(ReferenceConfig rc, int n) {
    return new ReferenceConfig(rc.name() + "-prioritized", rc.loss(), rc.lossOptions(),
        rc.agent().withReplay(rc.agent().replay().withKind("prioritized").withNStep(n)), rc.notes());
  }

  /** The agent of configuration {@code name} after {@code fill} observed steps, with {@code spare} more recorded. */
  static AgentFixture create(String name, int fill, int spare, long seed) {
    ReferenceConfig rc = CONFIGS.containsKey(name) ? CONFIGS.get(name) : MINATAR_CONFIGS.get(name);
    if (rc == null) {
      throw new IllegalArgumentException("config = \"" + name + "\" is invalid; expected one of " + CONFIGS.keySet()
          + " or " + MINATAR_CONFIGS.keySet());
    }
    String id = CONFIGS.containsKey(name) ? "CartPole-v1" : MINATAR_GAME;
    Environment env = PluginRegistry.load(EnvironmentProvider.class, "environment", EnvironmentProvider::id)
        .get(id).create(Options.none("env " + id));
    LossProvider loss = PluginRegistry.load(LossProvider.class, "loss", LossProvider::name).get(rc.loss());
    AgentFactory factory = PluginRegistry.load(AgentFactory.class, "agent", AgentFactory::name)
        .get(rc.agent().type());
    Agent agent = factory.create(new AgentSetup(rc.agent(), loss.create(new Options("loss " + rc.loss(),
        rc.lossOptions())), env.observationSpace(), env.actionSpace(), Seeds.derive(seed, "agent")));
    float[] obs = env.reset(Seeds.derive(seed, "env"));
    for (int i = 0; i < fill; i++) {
      Transition t = play(agent, env, obs);
      agent.observe(t);
      obs = t.episodeEnd() ? env.reset() : t.nextObservation();
    }
    Transition[] recorded = new Transition[spare];
    for (int i = 0; i < spare; i++) {
      recorded[i] = play(agent, env, obs);
      obs = recorded[i].episodeEnd() ? env.reset() : recorded[i].nextObservation();
    }
    return new AgentFixture(agent, recorded);
  }

  /** One exploring step of {@code agent} from {@code obs}, not yet observed. */
  private static Transition play(Agent agent, Environment env, float[] obs) {
    int action = agent.act(obs, ActMode.EXPLORE);
    StepResult r = env.step(action);
    return new Transition(obs, action, r.reward(), r.observation(), r.terminated(), r.truncated());
  }
}
