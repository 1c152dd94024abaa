package org.qprob.example;

import java.util.OptionalDouble;
import org.qprob.api.Options;
import org.qprob.api.env.Environment;
import org.qprob.api.env.EnvironmentProvider;
import org.qprob.api.env.TimeLimit;

/**
 * Registers {@link Corridor} as {@code Corridor-v0} (see
 * {@code META-INF/services/org.qprob.api.env.EnvironmentProvider}). Options: {@code length} (default 5) and
 * {@code max_episode_steps} (default 50).
 */
public final class CorridorProvider implements EnvironmentProvider {
  @Override
  public String id() {
    return "Corridor-v0";
  }

  @Override
  public String description() {
    return "walk right to the end of a corridor (example plugin; Discrete(length) observation, 2 actions)";
  }

  @Override
  public Environment create(Options options) {
    int length = options.getInt("length", 5, 2, 1_000_000);
    int maxSteps = options.getInt("max_episode_steps", 50, 1, Integer.MAX_VALUE);
    options.requireAllUsed();
    return new TimeLimit(new Corridor(length), maxSteps);
  }

  @Override
  public OptionalDouble rewardThreshold() {
    return OptionalDouble.of(1.0);
  }
}
