package org.qprob.agents;

import java.util.Objects;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.replay.ReplaySampler;
import org.qprob.agents.replay.ReplaySamplerFactory;
import org.qprob.api.PluginRegistry;
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
 * @param replay the replay sampler plugin {@code config.replay().kind} names, which the agent's sampler comes from
 */
public record AgentSetup(AgentConfig config, Loss loss, Space observationSpace, Discrete actionSpace, long seed,
    ReplaySamplerFactory replay) {
  /** What the replay sampler plugins are called in messages: {@code unknown replay kind 'x'; known: ...}. */
  public static final String REPLAY_KIND = "replay kind";

  public AgentSetup {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(observationSpace, "observationSpace");
    Objects.requireNonNull(actionSpace, "actionSpace");
    Objects.requireNonNull(replay, "replay");
    if (!replay.name().equals(config.replay().kind())) {
      throw new IllegalArgumentException("replay sampler '" + replay.name() + "' does not match replay.kind = \""
          + config.replay().kind() + "\"");
    }
  }

  /**
   * A setup whose replay sampler is the one {@code config.replay().kind} names among those on the class path (the
   * runner picks it from its plugin map instead); an unknown kind fails with one line listing the known ones.
   */
  public AgentSetup(AgentConfig config, Loss loss, Space observationSpace, Discrete actionSpace, long seed) {
    this(config, loss, observationSpace, actionSpace, seed,
        PluginRegistry.load(ReplaySamplerFactory.class, REPLAY_KIND, ReplaySamplerFactory::name)
            .get(config.replay().kind()));
  }

  /** A new sampler for this setup's replay buffer. */
  public ReplaySampler newSampler() {
    return replay.create(config.replay());
  }
}
