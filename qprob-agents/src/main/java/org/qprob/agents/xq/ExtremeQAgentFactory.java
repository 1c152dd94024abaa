package org.qprob.agents.xq;

import java.util.List;
import org.qprob.agents.AgentFactory;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.MemoryEstimate;
import org.qprob.agents.network.ObservationEncoder;
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

  /** A Q network (A outputs) and a V network (1 output), and a target Q for target-network. */
  @Override
  public MemoryEstimate memory(AgentSetup setup) {
    ObservationEncoder encoder = new ObservationEncoder(setup.observationSpace());
    int actions = setup.actionSpace().n();
    boolean target = setup.config().target().kind().usesTargetNetwork();
    return MemoryEstimate.replayAgent(setup.config(), encoder.shape(), encoder.rawWidth(), List.of(actions, 1),
        target ? List.of(actions) : List.of(), setup.replay().bytes(setup.config().replay()));
  }
}
