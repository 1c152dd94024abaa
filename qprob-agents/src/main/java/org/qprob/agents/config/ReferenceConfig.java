package org.qprob.agents.config;

import java.util.Map;

/**
 * A named agent configuration together with the loss it is meant for, e.g. the original q-prob script.
 *
 * @param name a short name, e.g. {@code q-prob}
 * @param loss the loss plugin's name, e.g. {@code gumbel-kl}
 * @param lossOptions the loss plugin's options (empty for its defaults)
 * @param agent the agent configuration
 * @param notes what it reproduces and what, if anything, was tuned away from the original
 */
public record ReferenceConfig(String name, String loss, Map<String, Object> lossOptions, AgentConfig agent,
    String notes) {
  public ReferenceConfig {
    lossOptions = Map.copyOf(lossOptions);
  }
}
