package org.qprob.envs.toytext;

import org.qprob.api.Options;
import org.qprob.api.env.Environment;
import org.qprob.envs.RegisteredEnvironmentProvider;

/**
 * {@code Taxi-v4} as Gymnasium 1.4 registers it: {@link Taxi}, 200 steps, reward threshold 8. Options:
 * {@code is_rainy} (default false), {@code rainy_probability} (default 0.8), {@code fickle_passenger} (default false),
 * {@code fickle_probability} (default 0.3).
 */
public final class TaxiV4Provider extends RegisteredEnvironmentProvider {
  public TaxiV4Provider() {
    super("Taxi-v4", "pick up and drop off a passenger, Gymnasium's Taxi-v4 (Discrete(500) observation, 6 actions, "
        + "200 steps)", 200, 8.0);
  }

  @Override
  protected Environment make(Options options) {
    boolean rainy = options.getBoolean("is_rainy", false);
    boolean fickle = options.getBoolean("fickle_passenger", false);
    double rainyProbability = options.getDouble("rainy_probability", 0.8, 0.0, 1.0);
    double fickleProbability = options.getDouble("fickle_probability", 0.3, 0.0, 1.0);
    return new Taxi("Taxi-v4", rainy, rainyProbability, fickle, fickleProbability);
  }
}
