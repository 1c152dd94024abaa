package org.qprob.envs.toytext;

import org.qprob.api.Options;
import org.qprob.api.env.Environment;
import org.qprob.envs.RegisteredEnvironmentProvider;

/**
 * {@code CliffWalkingSlippery-v1} as Gymnasium registers it: {@link CliffWalking} with {@code is_slippery} true by
 * default, no time limit, no reward threshold.
 */
public final class CliffWalkingSlipperyProvider extends RegisteredEnvironmentProvider {
  public CliffWalkingSlipperyProvider() {
    super("CliffWalkingSlippery-v1", "CliffWalking on slippery ground (Discrete(48) observation, 4 actions, no time limit)",
        0, Double.NaN);
  }

  @Override
  protected Environment make(Options options) {
    return new CliffWalking(options.getBoolean("is_slippery", true));
  }
}
