package org.qprob.agents.replay;

import org.qprob.agents.config.ReplayConfig;

/** Registers {@link PrioritizedSampler} as {@code prioritized}, with the options of {@code replay.prioritized}. */
public final class PrioritizedSamplerFactory implements ReplaySamplerFactory {
  @Override
  public String name() {
    return "prioritized";
  }

  @Override
  public String description() {
    return "proportional prioritized replay (Schaul et al. 2016) on a sum tree, with annealed importance weights";
  }

  @Override
  public ReplaySampler create(ReplayConfig replay) {
    return new PrioritizedSampler(replay.capacity(), replay.prioritized());
  }

  /** The sum tree's two arrays of doubles. */
  @Override
  public long bytes(ReplayConfig replay) {
    return SumTree.bytes(replay.capacity());
  }
}
