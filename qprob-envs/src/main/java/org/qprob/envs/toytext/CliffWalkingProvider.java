package org.qprob.envs.toytext;

import org.qprob.api.Options;
import org.qprob.api.env.Environment;
import org.qprob.envs.RegisteredEnvironmentProvider;

/**
 * {@code CliffWalking-v1} as Gymnasium registers it: {@link CliffWalking}, no time limit, no reward threshold.
 * Option: {@code is_slippery} (default false).
 */
public final class CliffWalkingProvider extends RegisteredEnvironmentProvider {
  public CliffWalkingProvider() {
    super("CliffWalking-v1", "walk along a cliff to the goal, Gymnasium's CliffWalking-v1 (Discrete(48) observation, "
        + "4 actions, no time limit)", 0, Double.NaN);
  }

  @Override
  protected Environment make(Options options) {
    return new CliffWalking(options.getBoolean("is_slippery", false));
  }
}
