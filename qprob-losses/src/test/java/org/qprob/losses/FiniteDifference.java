package org.qprob.losses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleUnaryOperator;

/** Central finite differences in double precision (five-point stencil, error O(h^4)). */
final class FiniteDifference {
  /** Relative tolerance of a gradient against its finite difference (absolute below magnitude 1). */
  static final double TOLERANCE = 1e-6;

  private FiniteDifference() {}

  /** {@code f'(x)} from {@code f(x +- h), f(x +- 2h)}. */
  static double derivative(DoubleUnaryOperator f, double x, double h) {
    return (8 * (f.applyAsDouble(x + h) - f.applyAsDouble(x - h))
        - (f.applyAsDouble(x + 2 * h) - f.applyAsDouble(x - 2 * h))) / (12 * h);
  }

  /**
   * Asserts {@code analytic} matches the finite difference of {@code f} at {@code x}: within {@link #TOLERANCE}
   * relative (absolute below magnitude 1), plus the rounding noise of the stencil, {@code 64 ulp(max |f|) * 1.5 / h},
   * which only matters where the value is large and nearly flat in {@code x} (beyond an exponent clip).
   */
  static void check(String what, double analytic, DoubleUnaryOperator f, double x, double h) {
    double numeric = derivative(f, x, h);
    double largest = 0;
    for (int k = -2; k <= 2; k++) {
      largest = Math.max(largest, Math.abs(f.applyAsDouble(x + k * h)));
    }
    double noise = 1.5 * 64 * Math.ulp(largest) / h;
    assertThat(Double.isFinite(analytic)).as("%s: analytic gradient %s is not finite", what, analytic).isTrue();
    assertThat(Math.abs(analytic - numeric))
        .as("%s: analytic %s vs finite difference %s at x = %s (h = %s)", what, analytic, numeric, x, h)
        .isLessThanOrEqualTo(TOLERANCE * Math.max(1, Math.abs(numeric)) + noise);
  }
}
