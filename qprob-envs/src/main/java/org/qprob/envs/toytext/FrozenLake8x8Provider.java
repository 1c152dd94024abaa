package org.qprob.envs.toytext;

import org.qprob.api.Options;
import org.qprob.api.env.Environment;
import org.qprob.envs.RegisteredEnvironmentProvider;

/**
 * {@code FrozenLake8x8-v1} as Gymnasium registers it: {@link FrozenLake} on the 8x8 map, 200 steps, reward threshold
 * 0.85. Same options as {@link FrozenLakeProvider}, with {@code map_name} defaulting to 8x8.
 */
public final class FrozenLake8x8Provider extends RegisteredEnvironmentProvider {
  public FrozenLake8x8Provider() {
    super("FrozenLake8x8-v1", "FrozenLake on Gymnasium's 8x8 map (Discrete(64) observation, 4 actions, slippery by "
        + "default, 200 steps)", 200, 0.85);
  }

  @Override
  protected Environment make(Options options) {
    return FrozenLakeProvider.make(options, "8x8");
  }
}
