package org.qprob.agents.q;

import java.util.List;
import org.qprob.agents.AgentFactory;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.MemoryEstimate;
import org.qprob.agents.network.ObservationEncoder;
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

  /** One Q network with the loss's output width, and a target copy for target-network or double. */
  @Override
  public MemoryEstimate memory(AgentSetup setup) {
    ObservationEncoder encoder = new ObservationEncoder(setup.observationSpace());
    int outputs = setup.loss().outputModel(setup.actionSpace().n()).width();
    boolean target = setup.config().target().kind().usesTargetNetwork();
    return MemoryEstimate.replayAgent(setup.config(), encoder.shape(), encoder.rawWidth(), List.of(outputs),
        target ? List.of(outputs) : List.of(), setup.replay().bytes(setup.config().replay()));
  }
}
