package org.qprob.envs.classic;

import org.qprob.api.Options;
import org.qprob.api.env.Environment;
import org.qprob.envs.RegisteredEnvironmentProvider;

/**
 * {@code CartPole-v1}: {@link CartPole} with Gymnasium's 500-step time limit and reward threshold 475. Options:
 * {@code sutton_barto_reward} (default false), {@code sin_cos} ({@code svml} | {@code correctly-rounded}, default
 * svml; see {@link SinCos}).
 */
public final class CartPoleProvider extends RegisteredEnvironmentProvider {
  public CartPoleProvider() {
    super("CartPole-v1", "cart-pole balancing, Gymnasium's CartPole-v1 (Box(4) observation, 2 actions, 500 steps)",
        500, 475.0);
  }

  @Override
  protected Environment make(Options options) {
    return new CartPole(options.getBoolean("sutton_barto_reward", false), SinCos.of(options));
  }
}
