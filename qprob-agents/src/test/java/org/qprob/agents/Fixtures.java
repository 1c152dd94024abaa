package org.qprob.agents;

import java.util.Map;
import org.qprob.api.Options;
import org.qprob.api.PluginRegistry;
import org.qprob.api.env.Environment;
import org.qprob.api.env.EnvironmentProvider;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.LossProvider;

/** Losses and environments from their plugin registries, as the runner gets them. */
public final class Fixtures {
  private Fixtures() {
  }

  public static Loss loss(String name) {
    return loss(name, Map.of());
  }

  public static Loss loss(String name, Map<String, Object> options) {
    return PluginRegistry.load(LossProvider.class, "loss", LossProvider::name).get(name)
        .create(new Options("loss " + name, options));
  }

  public static Environment env(String id) {
    return PluginRegistry.load(EnvironmentProvider.class, "environment", EnvironmentProvider::id).get(id)
        .create(Options.none("env " + id));
  }
}
