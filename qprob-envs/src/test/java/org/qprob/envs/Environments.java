package org.qprob.envs;

import java.nio.file.Path;
import java.util.Map;
import org.qprob.api.Options;
import org.qprob.api.PluginRegistry;
import org.qprob.api.env.Environment;
import org.qprob.api.env.EnvironmentProvider;

/** Test helpers: the environment registry, creation by id, and the shared folder. */
public final class Environments {
  private Environments() {}

  public static PluginRegistry<EnvironmentProvider> registry() {
    return PluginRegistry.load(EnvironmentProvider.class, "environment", EnvironmentProvider::id);
  }

  public static Environment make(String id) {
    return make(id, Map.of());
  }

  public static Environment make(String id, Map<String, ?> options) {
    return registry().get(id).create(new Options("env " + id, options));
  }

  /** The shared folder: system property {@code qprob.shared}, else {@code ../../shared} from the module folder. */
  public static Path shared() {
    String p = System.getProperty("qprob.shared");
    return p != null ? Path.of(p) : Path.of("../../shared");
  }

  public static Path golden(String id) {
    return shared().resolve("golden").resolve(id + ".jsonl");
  }

  /** The MinAtar trace of {@code id}, e.g. {@code MinAtar/Breakout-v1} in {@code golden/minatar/MinAtar-Breakout-v1.jsonl}. */
  public static Path goldenMinAtar(String id) {
    return shared().resolve("golden/minatar").resolve(id.replace('/', '-') + ".jsonl");
  }
}
