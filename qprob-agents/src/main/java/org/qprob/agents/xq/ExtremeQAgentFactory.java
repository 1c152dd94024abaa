package org.qprob.agents.xq;

import org.qprob.agents.AgentFactory;
import org.qprob.agents.AgentSetup;
import org.qprob.api.agent.Agent;

/** Registers {@link ExtremeQAgent} as {@code extreme-q}. */
public final class ExtremeQAgentFactory implements AgentFactory {
  @Override
  public String name() {
    return "extreme-q";
  }

  @Override
  public String description() {
    return "Extreme Q-learning (X-DQN): V by Gumbel regression (the injected loss, e.g. xql) on Q, Q toward r + gamma * V(s')";
  }

  @Override
  public Agent create(AgentSetup setup) {
    return new ExtremeQAgent(setup);
  }
}
