package org.qprob.losses;

import java.util.List;
import org.qprob.api.Options;

/**
 * Reads and checks the {@code exponent_clip} hyper-parameter shared by the Gumbel likelihood losses: the exponent
 * {@code z} of their {@code exp(z)} factor is replaced by {@code min(z, clip)}, and that factor's gradient is 0 where
 * {@code z > clip}. The original q-prob script clips at 12; {@code +Infinity} disables it, written in a config as
 * one of {@link #NO_CLIP} (Jackson's YAML parser rejects {@code .inf} unquoted); any clip of 690 or more acts as
 * none (see {@link #MAX_LOG_TERM}).
 */
final class ExponentClip {
  /** The original script's clip. */
  static final double DEFAULT = 12;

  /**
   * The largest exponent of the whole {@code exp(min(z, clip)) * Gamma(1 + d)} term that is evaluated; above it the
   * term is held at {@code exp(690)} (about 1e299) with zero gradient. It is a guard against double overflow, not a
   * modelling choice: below it every value is exact, and with it the value and every gradient stay finite for
   * {@code d = exp(nu_p - nu_q)} up to {@code e^12} (log-scales in the original [-4, 8] range), where
   * {@code Gamma(1 + d)} alone is far beyond the double range (the original float32 script gives infinities there).
   */
  static final double MAX_LOG_TERM = 690;

  /** The option values that mean "no clip". */
  static final List<String> NO_CLIP = List.of("none", "inf", ".inf", "Infinity");

  private ExponentClip() {}

  /**
   * Reads a clip option: a number in {@code [min, +Infinity]}, or one of {@link #NO_CLIP} for
   * {@code Double.POSITIVE_INFINITY}.
   */
  static double option(Options options, String key, double defaultValue, double min) {
    if (options.asMap().get(key) instanceof String) {
      options.getChoice(key, null, NO_CLIP);
      return Double.POSITIVE_INFINITY;
    }
    return options.getDouble(key, defaultValue, min, Double.POSITIVE_INFINITY);
  }

  /** Checks a clip value given to a constructor. */
  static double check(String owner, double clip) {
    if (!(clip >= 0)) {
      throw new IllegalArgumentException(owner + ": exponent_clip = " + clip
          + " is invalid; expected a number >= 0, or none to disable the clip");
    }
    return clip;
  }
}
