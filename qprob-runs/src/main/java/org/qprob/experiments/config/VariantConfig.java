package org.qprob.experiments.config;

import org.qprob.agents.config.AgentConfig;

/**
 * What a variant of an experiment sets: the agent with all its sections, and the loss. An experiment's
 * {@code defaults} is one; each variant overrides any part of it.
 *
 * @param agent the agent: its type and every section (gamma, network, optimizer, replay, exploration, target,
 *     backup, extremeQ); default {@link AgentConfig#defaults()}
 * @param loss the loss and its options; default {@link LossConfig#defaults()}
 */
public record VariantConfig(AgentConfig agent, LossConfig loss) {
  public VariantConfig {
    agent = agent == null ? AgentConfig.defaults() : agent;
    loss = loss == null ? LossConfig.defaults() : loss;
  }

  /** The default agent with the {@code l2} loss. */
  public static VariantConfig defaults() {
    return new VariantConfig(AgentConfig.defaults(), LossConfig.defaults());
  }
}
