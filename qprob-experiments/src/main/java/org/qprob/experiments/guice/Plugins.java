package org.qprob.experiments.guice;

import java.util.Objects;
import org.qprob.agents.AgentFactory;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.replay.ReplaySamplerFactory;
import org.qprob.api.PluginRegistry;
import org.qprob.api.env.EnvironmentProvider;
import org.qprob.api.loss.LossProvider;
import org.qprob.api.run.RunObserverProvider;

/**
 * Every plugin found on the class path: environments by id, losses by name, agents by name, replay samplers by the
 * {@code agent.replay.kind} they answer to, run observers by name. Loaded once per process
 * (ServiceLoader scans jars); the injectors of the runs only bind what was found.
 *
 * @param environments the environment providers
 * @param losses the loss providers
 * @param agents the agent factories
 * @param replays the replay sampler factories
 * @param observers the run observers plugins add
 */
public record Plugins(PluginRegistry<EnvironmentProvider> environments, PluginRegistry<LossProvider> losses,
    PluginRegistry<AgentFactory> agents, PluginRegistry<ReplaySamplerFactory> replays,
    PluginRegistry<RunObserverProvider> observers) {
  public Plugins {
    Objects.requireNonNull(observers, "observers");
    Objects.requireNonNull(environments, "environments");
    Objects.requireNonNull(losses, "losses");
    Objects.requireNonNull(agents, "agents");
    Objects.requireNonNull(replays, "replays");
  }

  /** The plugins visible to {@code loader}. */
  public static Plugins load(ClassLoader loader) {
    return new Plugins(
        PluginRegistry.load(EnvironmentProvider.class, "environment", EnvironmentProvider::id, loader),
        PluginRegistry.load(LossProvider.class, "loss", LossProvider::name, loader),
        PluginRegistry.load(AgentFactory.class, "agent", AgentFactory::name, loader),
        PluginRegistry.load(ReplaySamplerFactory.class, AgentSetup.REPLAY_KIND, ReplaySamplerFactory::name, loader),
        PluginRegistry.load(RunObserverProvider.class, "observer", RunObserverProvider::name, loader));
  }

  /** The plugins visible to this class's loader. */
  public static Plugins load() {
    return load(Plugins.class.getClassLoader());
  }
}
