package org.qprob.agents;

import java.util.Objects;
import org.qprob.agents.config.AgentConfig;
import org.qprob.api.env.Discrete;
import org.qprob.api.env.Space;
import org.qprob.api.loss.Loss;

/**
 * What an {@link AgentFactory} builds an agent from.
 *
 * @param config the agent's configuration
 * @param loss the injected loss: for {@code q-learning} the loss of Q (or of the Gumbel head); for {@code extreme-q}
 *     the loss of its V network (the Gumbel regression {@code xql}); its Q network regresses with squared error
 * @param observationSpace the environment's observations (a discrete one is one-hot encoded)
 * @param actionSpace the environment's actions
 * @param seed every random draw of the agent (initial weights, exploration, replay sampling) comes from generators
 *     derived from this
 */
public record AgentSetup(AgentConfig config, Loss loss, Space observationSpace, Discrete actionSpace, long seed) {
  public AgentSetup {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(observationSpace, "observationSpace");
    Objects.requireNonNull(actionSpace, "actionSpace");
  }
}
