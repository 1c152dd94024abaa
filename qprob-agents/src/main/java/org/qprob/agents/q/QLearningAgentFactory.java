package org.qprob.agents.q;

import org.qprob.agents.AgentFactory;
import org.qprob.agents.AgentSetup;
import org.qprob.api.agent.Agent;

/** Registers {@link QLearningAgent} as {@code q-learning}. */
public final class QLearningAgentFactory implements AgentFactory {
  @Override
  public String name() {
    return "q-learning";
  }

  @Override
  public String description() {
    return "Q-learning with a pluggable loss: Gumbel (q-prob), DQN, double DQN, soft Q-learning";
  }

  @Override
  public Agent create(AgentSetup setup) {
    return new QLearningAgent(setup);
  }
}
