package org.qprob.agents.offline;

import org.qprob.agents.AgentFactory;
import org.qprob.agents.AgentSetup;
import org.qprob.api.agent.Agent;

/** Registers {@link OfflineXqlAgent} as {@code offline-xql}. */
public final class OfflineXqlAgentFactory implements AgentFactory {
  @Override
  public String name() {
    return "offline-xql";
  }

  @Override
  public String description() {
    return "offline Extreme Q-learning from a dataset: V by Gumbel regression (the injected loss, e.g. xql) on Q of the"
        + " dataset's actions, Q toward r + gamma * V(s'), policy by advantage weighting (offline.policy: awr) or"
        + " greedy on Q";
  }

  @Override
  public Agent create(AgentSetup setup) {
    return new OfflineXqlAgent(setup);
  }
}
