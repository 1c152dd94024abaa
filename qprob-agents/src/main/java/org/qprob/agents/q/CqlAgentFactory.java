package org.qprob.agents.q;

import org.qprob.agents.AgentFactory;
import org.qprob.agents.AgentSetup;
import org.qprob.api.agent.Agent;

/** Registers discrete CQL ({@link OfflineQAgent} with {@code offline.cqlAlpha}) as {@code cql}. */
public final class CqlAgentFactory implements AgentFactory {
  @Override
  public String name() {
    return "cql";
  }

  @Override
  public String description() {
    return "discrete CQL from a dataset: the TD loss (the injected loss, e.g. l2 or huber) plus offline.cqlAlpha"
        + " (default 1) * (logsumexp_a Q(s, a) - Q(s, a_data))";
  }

  @Override
  public Agent create(AgentSetup setup) {
    return new OfflineQAgent(setup, name(), setup.config().offline().cqlAlpha());
  }
}
