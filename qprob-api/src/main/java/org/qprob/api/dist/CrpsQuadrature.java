package org.qprob.api.dist;

/**
 * The CRPS of any distribution by numerical integration of its quantile function,
 * {@code CRPS(F, y) = 2 * integral_0^1 rho_p(y - Q(p)) dp} with the pinball loss
 * {@code rho_p(u) = u * (p - 1{u < 0})}: tanh-sinh (double-exponential) quadrature on {@code [eps, F(y)]} and
 * {@code [F(y), 1 - eps]}, {@code eps = 2^-50}, where the integrand is smooth, refined until two levels agree to
 * 1e-13 relative. The two cut-off ends hold about {@code eps^2 |Q|}, far below double rounding for any distribution
 * with a finite mean.
 */
final class CrpsQuadrature {
  private static final double EPS = 0x1p-50;
  /** Beyond it the nodes are closer to the ends than 1e-22 of the interval. */
  private static final double T_MAX = 3.5;
  private static final int MAX_LEVEL = 9;
  private static final double TOLERANCE = 1e-13;

  private CrpsQuadrature() {}

  static double crps(Distribution d, double y) {
    if (!Double.isFinite(y)) {
      throw new IllegalArgumentException(d.getClass().getSimpleName() + ".crps: y = " + y
          + " is invalid; expected a finite number");
    }
    double split = Math.min(Math.max(d.cdf(y), EPS), 1 - EPS);
    return integrate(d, y, EPS, split) + integrate(d, y, split, 1 - EPS);
  }

  /** {@code 2 rho_p(y - Q(p))}. */
  private static double integrand(Distribution d, double y, double p) {
    double q = d.quantile(p);
    return 2 * (q > y ? (1 - p) * (q - y) : p * (y - q));
  }

  /**
   * {@code integral_a^b f(p) dp} with {@code p = (a + b)/2 + (b - a)/2 * tanh(s)}, {@code s = pi/2 sinh(t)}, by the
   * trapezoid rule in {@code t} (step halved each level): the node pair {@code +-t} sits at {@code a + delta} and
   * {@code b - delta}, {@code delta = (b - a) e / (1 + e)}, {@code e = exp(-2s)}, with weight
   * {@code dp/dt = (b - a) pi/2 cosh(t) 2e / (1 + e)^2} (computed so that nodes near the ends keep their precision).
   */
  private static double integrate(Distribution d, double y, double a, double b) {
    double width = b - a;
    if (!(width > 0)) {
      return 0;
    }
    double h = 1;
    double sum = 0.5 * width * Math.PI / 2 * integrand(d, y, a + 0.5 * width); // t = 0: weight (b - a)/2 * pi/2
    sum += nodes(d, y, a, b, 1, 1);
    double estimate = h * sum;
    for (int level = 1; level <= MAX_LEVEL; level++) {
      h /= 2;
      sum += nodes(d, y, a, b, h, 2 * h); // the odd multiples of the new step
      double next = h * sum;
      if (level >= 3 && Math.abs(next - estimate) <= TOLERANCE * Math.abs(next)) {
        return next;
      }
      estimate = next;
    }
    return estimate;
  }

  /** The weighted integrand at {@code t = +-(start + k * stride)}, {@code t <= T_MAX}. */
  private static double nodes(Distribution d, double y, double a, double b, double start, double stride) {
    double width = b - a;
    double sum = 0;
    for (double t = start; t <= T_MAX; t += stride) {
      double s = Math.PI / 2 * Math.sinh(t);
      double e = Math.exp(-2 * s); // in (0, 1)
      double delta = width * e / (1 + e); // distance of the two nodes from the ends
      double weight = width * Math.PI / 2 * Math.cosh(t) * 2 * e / ((1 + e) * (1 + e));
      if (weight == 0 || delta == 0) {
        break;
      }
      sum += weight * (integrand(d, y, a + delta) + integrand(d, y, b - delta));
    }
    return sum;
  }
}
