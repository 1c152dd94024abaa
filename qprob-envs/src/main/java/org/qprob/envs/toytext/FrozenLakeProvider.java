package org.qprob.envs.toytext;

import org.qprob.api.Options;
import org.qprob.api.env.Environment;
import org.qprob.envs.RegisteredEnvironmentProvider;

/**
 * {@code FrozenLake-v1} as Gymnasium registers it: {@link FrozenLake}, 100 steps, reward threshold 0.70. As with
 * {@code gym.make}, {@code map_name: 8x8} keeps the 100-step limit (use {@code FrozenLake8x8-v1} for 200). Options:
 * {@code map_name} ({@code 4x4} | {@code 8x8}, default 4x4), {@code is_slippery} (default true),
 * {@code success_rate} (default 1/3), {@code reward_schedule} (goal, hole, frozen; default [1, 0, 0]).
 */
public final class FrozenLakeProvider extends RegisteredEnvironmentProvider {
  public FrozenLakeProvider() {
    super("FrozenLake-v1", "cross a frozen lake without falling in, Gymnasium's FrozenLake-v1 (4x4 map by default, "
        + "Discrete(16) observation, 4 actions, slippery by default, 100 steps)", 100, 0.70);
  }

  @Override
  protected Environment make(Options options) {
    return make(options, "4x4");
  }

  /** Reads FrozenLake's options with {@code defaultMap} as the default {@code map_name}. */
  static FrozenLake make(Options options, String defaultMap) {
    String mapName = options.getChoice("map_name", defaultMap, FrozenLake.MAP_NAMES);
    boolean slippery = options.getBoolean("is_slippery", true);
    double successRate = options.getDouble("success_rate", 1.0 / 3.0, 0.0, 1.0);
    double[] schedule = options.getDoubles("reward_schedule", new double[] {1, 0, 0}, -1e9, 1e9);
    if (schedule.length != 3) {
      throw new IllegalArgumentException(options.owner() + ": option reward_schedule has " + schedule.length
          + " numbers; expected 3 (goal, hole, frozen)");
    }
    return new FrozenLake(mapName, slippery, successRate, schedule);
  }
}
