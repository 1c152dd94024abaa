package org.qprob.agents;

import org.qprob.api.agent.Agent;

/**
 * Makes one kind of agent, found by {@link java.util.ServiceLoader} through a
 * {@code META-INF/services/org.qprob.agents.AgentFactory} entry and keyed by its name ({@code q-learning},
 * {@code extreme-q}). Load them with
 * {@code PluginRegistry.load(AgentFactory.class, "agent", AgentFactory::name)}.
 */
public interface AgentFactory {
  /** The name {@code agent.type} selects, e.g. {@code q-learning}. */
  String name();

  /** One line for {@code qprob list}. */
  String description();

  /**
   * A new agent; fails with one line if the configuration does not fit the loss or the spaces (e.g. a {@code gumbel}
   * backup with a point loss).
   */
  Agent create(AgentSetup setup);

  /**
   * The memory the agent {@link #create} would build needs, estimated without allocating it, so a config too large
   * for the machine is refused up front; {@link MemoryEstimate#UNKNOWN} (the default) when the factory cannot say.
   */
  default MemoryEstimate memory(AgentSetup setup) {
    return MemoryEstimate.UNKNOWN;
  }
}
