package org.qprob.losses;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions of closeness: relative to the expected value, absolute below magnitude 1. */
final class Close {
  private Close() {}

  /** {@code |actual - expected| <= tolerance * max(1, |expected|)}. */
  static void assertClose(String what, double actual, double expected, double tolerance) {
    double allowed = tolerance * Math.max(1, Math.abs(expected));
    assertThat(Math.abs(actual - expected))
        .as("%s: actual %s, expected %s (tolerance %s)", what, actual, expected, tolerance)
        .isLessThanOrEqualTo(allowed);
  }
}
