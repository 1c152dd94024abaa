package org.qprob.envs.classic;

import org.qprob.api.Options;
import org.qprob.api.env.Environment;
import org.qprob.envs.RegisteredEnvironmentProvider;

/**
 * {@code Acrobot-v1}: {@link Acrobot} with Gymnasium's 500-step time limit and reward threshold -100. Option:
 * {@code sin_cos} ({@code svml} | {@code correctly-rounded}, default svml; see {@link SinCos}).
 */
public final class AcrobotProvider extends RegisteredEnvironmentProvider {
  public AcrobotProvider() {
    super("Acrobot-v1", "two-link swing-up, Gymnasium's Acrobot-v1 (Box(6) observation, 3 actions, 500 steps)", 500,
        -100.0);
  }

  @Override
  protected Environment make(Options options) {
    return new Acrobot(SinCos.of(options));
  }
}
