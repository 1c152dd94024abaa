package org.qprob.envs.classic;

import org.qprob.api.Options;
import org.qprob.api.env.Environment;
import org.qprob.envs.RegisteredEnvironmentProvider;

/**
 * {@code MountainCar-v0}: {@link MountainCar} with Gymnasium's 200-step time limit and reward threshold -110.
 * Option: {@code goal_velocity} (default 0).
 */
public final class MountainCarProvider extends RegisteredEnvironmentProvider {
  public MountainCarProvider() {
    super("MountainCar-v0", "drive up a hill by rocking, Gymnasium's MountainCar-v0 (Box(2) observation, 3 actions, 200 steps)",
        200, -110.0);
  }

  @Override
  protected Environment make(Options options) {
    return new MountainCar(options.getDouble("goal_velocity", 0.0, -MountainCar.MAX_SPEED, MountainCar.MAX_SPEED));
  }
}
