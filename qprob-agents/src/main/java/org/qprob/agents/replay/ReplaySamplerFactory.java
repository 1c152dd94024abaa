package org.qprob.agents.replay;

import org.qprob.agents.config.ReplayConfig;

/**
 * Makes one kind of {@link ReplaySampler}, found by {@link java.util.ServiceLoader} through a
 * {@code META-INF/services/org.qprob.agents.replay.ReplaySamplerFactory} entry and keyed by the name
 * {@code agent.replay.kind} selects ({@code uniform}, {@code prioritized}). Load them with
 * {@code PluginRegistry.load(ReplaySamplerFactory.class, "replay kind", ReplaySamplerFactory::name)}.
 */
public interface ReplaySamplerFactory {
  /** The name {@code agent.replay.kind} selects, e.g. {@code prioritized}. */
  String name();

  /** One line for {@code qprob list}. */
  String description();

  /** A sampler for a buffer of {@code replay.capacity()} slots; fails with one line on a bad option. */
  ReplaySampler create(ReplayConfig replay);

  /** The heap bytes the sampler {@link #create} makes keeps, for the memory check before a run; default 0. */
  default long bytes(ReplayConfig replay) {
    return 0;
  }
}
