package org.qprob.agents.q;

import org.qprob.agents.AgentFactory;
import org.qprob.agents.AgentSetup;
import org.qprob.api.agent.Agent;

/** Registers offline DQN ({@link OfflineQAgent} without the conservative term) as {@code offline-dqn}. */
public final class OfflineDqnAgentFactory implements AgentFactory {
  @Override
  public String name() {
    return "offline-dqn";
  }

  @Override
  public String description() {
    return "offline DQN: the q-learning objective (any loss, backup and target source it accepts) on batches of a"
        + " fixed dataset, no interaction";
  }

  @Override
  public Agent create(AgentSetup setup) {
    return new OfflineQAgent(setup, name(), 0);
  }
}
