package org.qprob.envs;

import java.util.OptionalDouble;
import org.qprob.api.Options;
import org.qprob.api.env.Environment;
import org.qprob.api.env.EnvironmentProvider;
import org.qprob.api.env.TimeLimit;

/**
 * An {@link EnvironmentProvider} described the way Gymnasium registers an environment: an id, a default time limit
 * ({@code max_episode_steps}) and a reward threshold. {@link #create} reads the environment's own options, then the
 * option {@code max_episode_steps} (as {@code gym.make} accepts it; default the registered limit), rejects any unknown
 * option, and wraps the environment in a {@link TimeLimit} when there is a limit.
 */
public abstract class RegisteredEnvironmentProvider implements EnvironmentProvider {
  /** The option that overrides the registered time limit, named as {@code gym.make}'s keyword. */
  public static final String MAX_EPISODE_STEPS = "max_episode_steps";

  private final String id;
  private final String description;
  private final int maxEpisodeSteps;
  private final double rewardThreshold;

  /**
   * @param id the id, e.g. {@code CartPole-v1}
   * @param description one line for {@code qprob list}
   * @param maxEpisodeSteps the registered time limit, or 0 for none
   * @param rewardThreshold the registered reward threshold, or NaN for none
   */
  protected RegisteredEnvironmentProvider(String id, String description, int maxEpisodeSteps, double rewardThreshold) {
    if (maxEpisodeSteps < 0) {
      throw new IllegalArgumentException(id + ": maxEpisodeSteps must be >= 0 (0 = no limit), got " + maxEpisodeSteps);
    }
    this.id = id;
    this.description = description;
    this.maxEpisodeSteps = maxEpisodeSteps;
    this.rewardThreshold = rewardThreshold;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final OptionalDouble rewardThreshold() {
    return Double.isNaN(rewardThreshold) ? OptionalDouble.empty() : OptionalDouble.of(rewardThreshold);
  }

  /** The registered time limit, or 0 for none. */
  public final int maxEpisodeSteps() {
    return maxEpisodeSteps;
  }

  @Override
  public final Environment create(Options options) {
    Environment env = make(options);
    int limit = options.getInt(MAX_EPISODE_STEPS, maxEpisodeSteps, maxEpisodeSteps == 0 ? 0 : 1, Integer.MAX_VALUE);
    options.requireAllUsed();
    return limit == 0 ? env : new TimeLimit(env, limit);
  }

  /** The bare environment configured by its own options (each read through {@code options}), without a time limit. */
  protected abstract Environment make(Options options);

  @Override
  public String toString() {
    return id + " (max_episode_steps=" + (maxEpisodeSteps == 0 ? "none" : maxEpisodeSteps) + ", reward_threshold="
        + (Double.isNaN(rewardThreshold) ? "none" : rewardThreshold) + ")";
  }
}
