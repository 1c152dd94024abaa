package org.qprob.envs.chain;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The law of NoisyChain's reward noise, scaled so that a draw has mean 0 and standard deviation {@code sd}.
 */
public enum NoiseDistribution {
  /** Normal: {@code sd * Z}. */
  GAUSSIAN("gaussian") {
    @Override
    public double sample(RandomGenerator random, double sd) {
      return sd * random.nextGaussian();
    }
  },
  /**
   * Gumbel (maximum), centred: {@code beta * (-ln(-ln U) - EulerGamma)} with {@code beta = sd * sqrt(6) / pi}, skewed
   * to the right like a maximum of many noisy values.
   */
  GUMBEL("gumbel") {
    @Override
    public double sample(RandomGenerator random, double sd) {
      double beta = sd * Math.sqrt(6.0) / Math.PI;
      return beta * (-Math.log(-Math.log(openUnit(random))) - EULER_GAMMA);
    }
  },
  /** Uniform on {@code [-sd * sqrt(3), sd * sqrt(3)]}. */
  UNIFORM("uniform") {
    @Override
    public double sample(RandomGenerator random, double sd) {
      return sd * Math.sqrt(3.0) * (2.0 * random.nextDouble() - 1.0);
    }
  };

  /** The Euler-Mascheroni constant, the mean of a standard Gumbel. */
  public static final double EULER_GAMMA = 0.5772156649015329;

  /** The option values, in declaration order. */
  public static final List<String> NAMES = List.of("gaussian", "gumbel", "uniform");

  private final String optionName;

  NoiseDistribution(String optionName) {
    this.optionName = optionName;
  }

  /** A draw with mean 0 and standard deviation {@code sd}. */
  public abstract double sample(RandomGenerator random, double sd);

  /** The name used in options ({@code noise: gumbel}). */
  public String optionName() {
    return optionName;
  }

  /** The distribution named {@code name}; fails listing the valid names. */
  public static NoiseDistribution named(String name) {
    for (NoiseDistribution d : values()) {
      if (d.optionName.equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException("noise distribution \"" + name + "\" is invalid; expected one of " + NAMES);
  }

  /** A uniform draw in the open interval (0, 1). */
  private static double openUnit(RandomGenerator random) {
    return ((random.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
  }
}
