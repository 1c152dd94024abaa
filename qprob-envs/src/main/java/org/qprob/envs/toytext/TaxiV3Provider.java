package org.qprob.envs.toytext;

import org.qprob.api.Options;
import org.qprob.api.env.Environment;
import org.qprob.envs.RegisteredEnvironmentProvider;

/**
 * {@code Taxi-v3}: {@link Taxi} with its default dynamics (Gymnasium 1.4 replaced the id by Taxi-v4, whose defaults
 * are the same), 200 steps, reward threshold 8. No options.
 */
public final class TaxiV3Provider extends RegisteredEnvironmentProvider {
  public TaxiV3Provider() {
    super("Taxi-v3", "pick up and drop off a passenger, Gymnasium's Taxi-v3 dynamics (Discrete(500) observation, "
        + "6 actions, 200 steps)", 200, 8.0);
  }

  @Override
  protected Environment make(Options options) {
    return new Taxi("Taxi-v3");
  }
}
