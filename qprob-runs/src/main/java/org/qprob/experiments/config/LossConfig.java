package org.qprob.experiments.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loss a variant trains with.
 *
 * @param name the loss's registered name (see {@code qprob list}); default {@code l2}
 * @param options the loss's own options (e.g. {@code beta} for {@code xql}); default none. When a variant changes
 *     {@code name}, the options it inherited are dropped.
 */
public record LossConfig(String name, Map<String, Object> options) {
  public LossConfig {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name = " + name + " is invalid; expected a loss name such as l2");
    }
    options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
  }

  /** {@code l2} with no options. */
  public static LossConfig defaults() {
    return new LossConfig("l2", Map.of());
  }
}
