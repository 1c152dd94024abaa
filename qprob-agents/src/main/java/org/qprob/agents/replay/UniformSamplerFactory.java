package org.qprob.agents.replay;

import org.qprob.agents.config.ReplayConfig;

/** Registers {@link UniformSampler} as {@code uniform}. */
public final class UniformSamplerFactory implements ReplaySamplerFactory {
  @Override
  public String name() {
    return ReplayConfig.UNIFORM;
  }

  @Override
  public String description() {
    return "uniform replay: batches drawn without replacement, every weight 1";
  }

  @Override
  public ReplaySampler create(ReplayConfig replay) {
    return new UniformSampler();
  }
}
