package org.qprob.losses;

/**
 * The digamma function {@code psi(x) = d/dx log Gamma(x)} for {@code x > 0}, to a few ulps: the recurrence
 * {@code psi(x) = psi(x + 1) - 1/x} up to {@code x >= 10}, then the asymptotic series through the {@code x^-14} term
 * (truncation error below 5e-17).
 *
 * <p>Written here because Commons Math 3.6.1's {@code Gamma.digamma} has the sign of its {@code 1/(120 x^4)} term
 * wrong, an error of about 3e-9 that would break the loss gradients' agreement with the reference values.
 */
final class Digamma {
  private Digamma() {}

  /** {@code psi(x)}, for {@code x > 0}. */
  static double value(double x) {
    double shift = 0;
    while (x < 10) {
      shift -= 1 / x;
      x += 1;
    }
    double inv = 1 / x;
    double inv2 = inv * inv;
    double tail = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
        - inv2 * (1.0 / 132 - inv2 * (691.0 / 32760 - inv2 / 12))))));
    return shift + (Math.log(x) - 0.5 * inv - tail);
  }
}
