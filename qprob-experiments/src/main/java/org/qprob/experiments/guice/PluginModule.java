package org.qprob.experiments.guice;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import org.qprob.agents.AgentFactory;
import org.qprob.agents.replay.ReplaySamplerFactory;
import org.qprob.api.env.EnvironmentProvider;
import org.qprob.api.loss.LossProvider;

/**
 * Binds the plugins found by {@link Plugins} into four maps, {@code Map<String, EnvironmentProvider>},
 * {@code Map<String, LossProvider>}, {@code Map<String, AgentFactory>} and {@code Map<String, ReplaySamplerFactory>},
 * keyed by id or name. It only binds
 * instances already loaded, so building it does nothing else.
 */
public final class PluginModule extends AbstractModule {
  private final Plugins plugins;

  public PluginModule(Plugins plugins) {
    this.plugins = plugins;
  }

  @Override
  protected void configure() {
    MapBinder<String, EnvironmentProvider> environments =
        MapBinder.newMapBinder(binder(), String.class, EnvironmentProvider.class);
    plugins.environments().all().forEach((id, p) -> environments.addBinding(id).toInstance(p));
    MapBinder<String, LossProvider> losses = MapBinder.newMapBinder(binder(), String.class, LossProvider.class);
    plugins.losses().all().forEach((name, p) -> losses.addBinding(name).toInstance(p));
    MapBinder<String, AgentFactory> agents = MapBinder.newMapBinder(binder(), String.class, AgentFactory.class);
    plugins.agents().all().forEach((name, f) -> agents.addBinding(name).toInstance(f));
    MapBinder<String, ReplaySamplerFactory> replays =
        MapBinder.newMapBinder(binder(), String.class, ReplaySamplerFactory.class);
    plugins.replays().all().forEach((name, f) -> replays.addBinding(name).toInstance(f));
  }

  @Override
  public String toString() {
    return "PluginModule(" + plugins.environments().all().keySet() + ", " + plugins.losses().all().keySet() + ", "
        + plugins.agents().all().keySet() + ", " + plugins.replays().all().keySet() + ")";
  }
}
