package org.qprob.experiments.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment of an experiment.
 *
 * @param id the environment's registered id (see {@code qprob list}); default {@code CartPole-v1}
 * @param options its options, with Gymnasium's keyword names (e.g. {@code is_slippery: false}); default none
 */
public record EnvConfig(String id, Map<String, Object> options) {
  public EnvConfig {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("id = " + id + " is invalid; expected an environment id such as CartPole-v1");
    }
    options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** {@code CartPole-v1} with no options. */
  public static EnvConfig defaults() {
    return new EnvConfig("CartPole-v1", Map.of());
  }
}
