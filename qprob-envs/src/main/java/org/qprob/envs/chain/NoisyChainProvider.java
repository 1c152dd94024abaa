package org.qprob.envs.chain;

import java.util.List;
import org.qprob.api.Options;
import org.qprob.api.env.Environment;
import org.qprob.envs.RegisteredEnvironmentProvider;

/**
 * {@code NoisyChain-v0}: {@link NoisyChain}, no time limit by default (episodes last at most {@code length} steps),
 * no reward threshold. Options:
 * <ul>
 *   <li>{@code length} (default 10, 2..100000): the number of states;</li>
 *   <li>{@code noise_low} (default 0.05) and {@code noise_high} (default 1.0): the noise standard deviations of the
 *       quiet and the noisy states;</li>
 *   <li>{@code noisy_states} (default {@code odd}): which states are noisy: {@code odd}, {@code even},
 *       {@code first_half}, {@code second_half}, {@code all} or {@code none};</li>
 *   <li>{@code noise_scales}: a list of {@code length} standard deviations, one per state, instead of the three
 *       options above;</li>
 *   <li>{@code noise} (default {@code gaussian}): {@code gaussian}, {@code gumbel} or {@code uniform};</li>
 *   <li>{@code exit_reward} (default 0.5): the mean reward of exiting;</li>
 *   <li>{@code gamma} (default 0.99): the discount of {@link NoisyChain#trueQ()};</li>
 *   <li>{@code start} (default {@code first}): {@code first} (state 0) or {@code uniform};</li>
 *   <li>{@code max_episode_steps} (default none): a time limit.</li>
 * </ul>
 */
public final class NoisyChainProvider extends RegisteredEnvironmentProvider {
  /** The valid {@code noisy_states} patterns. */
  public static final List<String> PATTERNS = List.of("odd", "even", "first_half", "second_half", "all", "none");

  public NoisyChainProvider() {
    super("NoisyChain-v0", "a chain with state-dependent reward noise and known optimal Q-values (Discrete(length) "
        + "observation, 2 actions)", 0, Double.NaN);
  }

  @Override
  protected Environment make(Options options) {
    int length = options.getInt("length", 10, 2, 100_000);
    double[] scales;
    if (options.has("noise_scales")) {
      for (String conflicting : List.of("noise_low", "noise_high", "noisy_states")) {
        if (options.has(conflicting)) {
          throw new IllegalArgumentException(options.owner() + ": give either noise_scales or noise_low/noise_high/"
              + "noisy_states, not both (found noise_scales and " + conflicting + ")");
        }
      }
      scales = options.getDoubles("noise_scales", new double[0], 0.0, 1e6);
      if (scales.length != length) {
        throw new IllegalArgumentException(options.owner() + ": option noise_scales has " + scales.length
            + " numbers; expected length = " + length);
      }
    } else {
      double low = options.getDouble("noise_low", 0.05, 0.0, 1e6);
      double high = options.getDouble("noise_high", 1.0, 0.0, 1e6);
      String pattern = options.getChoice("noisy_states", "odd", PATTERNS);
      scales = new double[length];
      for (int s = 0; s < length; s++) {
        scales[s] = noisy(pattern, s, length) ? high : low;
      }
    }
    NoiseDistribution noise = NoiseDistribution.named(options.getChoice("noise", "gaussian", NoiseDistribution.NAMES));
    double exitReward = options.getDouble("exit_reward", 0.5, -1e6, 1e6);
    double gamma = options.getDouble("gamma", 0.99, Double.MIN_VALUE, 1.0);
    boolean uniform = options.getChoice("start", "first", List.of("first", "uniform")).equals("uniform");
    return new NoisyChain(scales, noise, exitReward, gamma, uniform);
  }

  private static boolean noisy(String pattern, int s, int length) {
    return switch (pattern) {
      case "odd" -> s % 2 == 1;
      case "even" -> s % 2 == 0;
      case "first_half" -> s < length / 2;
      case "second_half" -> s >= length / 2;
      case "all" -> true;
      default -> false;
    };
  }
}
