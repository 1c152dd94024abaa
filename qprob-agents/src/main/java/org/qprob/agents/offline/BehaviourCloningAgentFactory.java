package org.qprob.agents.offline;

import org.qprob.agents.AgentFactory;
import org.qprob.agents.AgentSetup;
import org.qprob.api.agent.Agent;

/** Registers {@link BehaviourCloningAgent} as {@code bc}. */
public final class BehaviourCloningAgentFactory implements AgentFactory {
  @Override
  public String name() {
    return "bc";
  }

  @Override
  public String description() {
    return "behaviour cloning from a dataset: a policy network fitted by cross-entropy to the dataset's actions (no TD"
        + " loss; the loss section is not used)";
  }

  @Override
  public Agent create(AgentSetup setup) {
    return new BehaviourCloningAgent(setup);
  }
}
