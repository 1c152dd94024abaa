package org.qprob.api.env;

import java.util.OptionalDouble;
import org.qprob.api.Options;

/**
 * Makes one kind of environment, found by {@link java.util.ServiceLoader} through a
 * {@code META-INF/services/org.qprob.api.env.EnvironmentProvider} entry and keyed by a Gymnasium-style id
 * ({@code CartPole-v1}). Like {@code gym.make}, {@link #create} applies the environment's default time limit.
 */
public interface EnvironmentProvider {
  /** The id, e.g. {@code CartPole-v1}. */
  String id();

  /** One line for {@code qprob list}. */
  String description();

  /**
   * A new environment configured by {@code options} (Gymnasium's keyword names, e.g. {@code is_slippery}); fails with
   * one line naming the option and the valid values on a bad or unknown option.
   */
  Environment create(Options options);

  /** Gymnasium's {@code reward_threshold}, the return at which the task counts as solved, if it has one. */
  default OptionalDouble rewardThreshold() {
    return OptionalDouble.empty();
  }
}
