package org.qprob.api.dist;

/**
 * The exponential integral {@code E1(x) = integral_x^inf exp(-t) / t dt = Gamma(0, x)} for {@code x > 0}, which the
 * Gumbel's {@link Gumbel#crps CRPS} needs and Commons Math does not provide, to a few ulps.
 */
final class ExponentialIntegral {
  /** Beyond it {@code E1(x) < exp(-x) / x} underflows to 0. */
  private static final double UNDERFLOW = 745;

  private ExponentialIntegral() {}

  /**
   * {@code E1(x)}: below {@code x = 1} by its power series {@code -EulerGamma - log(x) + seriesTail(x)}, above by the
   * continued fraction {@code exp(-x) / (x + 1 - 1 / (x + 3 - 4 / (x + 5 - 9 / ...)))} (modified Lentz).
   */
  static double e1(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("ExponentialIntegral: x = " + x + " is invalid; expected x > 0");
    }
    if (x <= 1) {
      return -Gumbel.EULER_GAMMA - Math.log(x) + seriesTail(x);
    }
    if (x > UNDERFLOW) {
      return 0;
    }
    return Math.exp(-x) * continuedFraction(x);
  }

  /**
   * {@code E1(x) + EulerGamma + log(x) = sum_{k >= 1} (-1)^(k+1) x^k / (k * k!)}, for {@code 0 <= x <= 1} (where its
   * terms fall fast and alternate, so it is accurate to an ulp or two; 0 at {@code x = 0}).
   */
  static double seriesTail(double x) {
    double term = x; // (-1)^(k+1) x^k / k!
    double sum = x;
    for (int k = 2; k < 40; k++) {
      term *= -x / k;
      double next = sum + term / k;
      if (next == sum) {
        break;
      }
      sum = next;
    }
    return sum;
  }

  /**
   * {@code exp(x) E1(x) = 1 / (x + 1 - 1^2 / (x + 3 - 2^2 / (x + 5 - ...)))} for {@code x >= 1}, by the modified
   * Lentz algorithm: {@code b_0 = x + 1}, {@code a_k = -k^2}, {@code b_k = x + 2k + 1}.
   */
  private static double continuedFraction(double x) {
    final double tiny = 1e-300;
    double b = x + 1;
    double c = 1 / tiny;
    double d = 1 / b;
    double f = d;
    for (int k = 1; k < 10_000; k++) {
      double a = -(double) k * k;
      b += 2;
      d = b + a * d;
      if (Math.abs(d) < tiny) {
        d = tiny;
      }
      c = b + a / c;
      if (Math.abs(c) < tiny) {
        c = tiny;
      }
      d = 1 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        break;
      }
    }
    return f;
  }
}
