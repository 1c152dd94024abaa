package org.qprob.envs.classic;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Float64 sine and cosine rounded correctly: the double nearest to the exact value. A good C library (glibc, which
 * NumPy 1.25 and later call for {@code np.sin}/{@code np.cos}) returns this for all but a vanishing fraction of
 * arguments; Java's {@link Math#sin} promises only 1 ulp.
 *
 * <p>The argument is reduced by a four-part {@code pi/2} and the sine or cosine of the remainder summed as a Taylor
 * series in double-double arithmetic, about 100 correct bits. When that result lies too close to a rounding boundary
 * to decide (about one argument in 2^37), the value is recomputed with {@link BigDecimal} at 70 digits. Arguments of
 * magnitude {@code 2^20} or more (never reached by the classic-control environments) return {@link StrictMath}'s
 * value, which is within 1 ulp; NaN and infinities give NaN.
 */
final class CorrectlyRoundedSinCos {
  /** Arguments below this magnitude are rounded correctly. */
  static final double LIMIT = 0x1p20;

  private static final double TWO_OVER_PI = 0x1.45f306dc9c883p-1;
  /** {@code pi/2 = PIO2_1 + PIO2_2 + PIO2_3 + PIO2_4}, to about 2^-217. */
  private static final double PIO2_1 = 0x1.921fb54442d18p+0;
  private static final double PIO2_2 = 0x1.1a62633145c07p-54;
  private static final double PIO2_3 = -0x1.f1976b7ed8fbcp-110;
  private static final double PIO2_4 = 0x1.4cf98e804177dp-164;
  /** A bound on the relative error of the double-double series, with a wide margin. */
  private static final double ERROR_BOUND = 0x1p-90;
  /** A bound on the absolute error the reduction leaves in r, and so in sin r and cos r, with a wide margin. */
  static final double REDUCTION_ERROR = 0x1p-120;
  /** Below this magnitude sin(x) rounds to x and cos(x) to 1. */
  private static final double TINY = 0x1p-500;

  /** Taylor coefficients in {@code z = r^2}, as double-double {@code (hi, lo)} pairs: {@code (-1)^n / (2n+1)!}. */
  private static final double[] SIN_COEFFICIENTS = taylor(1, 15);
  /** {@code (-1)^n / (2n)!}. */
  private static final double[] COS_COEFFICIENTS = taylor(0, 15);

  private static final MathContext SLOW = new MathContext(70, RoundingMode.HALF_EVEN);
  private static final BigDecimal PI = new BigDecimal("3.14159265358979323846264338327950288419716939937510582097"
      + "494459230781640628620899862803482534211706798214808651328230665");
  private static final BigDecimal HALF_PI = PI.divide(BigDecimal.valueOf(2));

  private CorrectlyRoundedSinCos() {}

  /** The double nearest to {@code sin(x)}. */
  static double sin(double x) {
    return evaluate(x, false);
  }

  /** The double nearest to {@code cos(x)}. */
  static double cos(double x) {
    return evaluate(x, true);
  }

  private static double evaluate(double x, boolean cosine) {
    double a = Math.abs(x);
    if (!(a < LIMIT)) {
      return cosine ? StrictMath.cos(x) : StrictMath.sin(x);
    }
    if (a < TINY) {
      return cosine ? 1.0 : x;
    }
    // x = k pi/2 + r. x - k * PIO2_1 is exact (the two are within a factor 2 of each other, or k = 0); the two
    // largest corrections, the rounding error of k * PIO2_1 and k * PIO2_2, are subtracted exactly by two-sums, the
    // remaining ones (below 2^-80) in plain double. For k != 0 that leaves an absolute error under 2^-130.
    double k = Math.rint(x * TWO_OVER_PI);
    double p = k * PIO2_1;
    double pErr = Math.fma(k, PIO2_1, -p);
    double q = k * PIO2_2;
    double qErr = Math.fma(k, PIO2_2, -q);
    double t = k * PIO2_3;
    double d = x - p;
    double s1 = d - pErr;
    double e1 = twoSumError(d, -pErr, s1);
    double s2 = s1 - q;
    double e2 = twoSumError(s1, -q, s2);
    double low = (e1 + e2) - qErr - t - (Math.fma(k, PIO2_3, -t) + k * PIO2_4);
    double rh = s2 + low;
    double rl = low - (rh - s2);
    // sin(x) and cos(x) by the quadrant k mod 4: sin r, cos r, -sin r, -cos r (cosine: one quadrant later).
    int quadrant = (int) (((long) k + (cosine ? 1 : 0)) & 3L);
    boolean sine = (quadrant & 1) == 0;
    double[] c = sine ? SIN_COEFFICIENTS : COS_COEFFICIENTS;
    // z = r^2, then the series in z by Horner's rule, every step in double-double (ah, al).
    double zh = rh * rh;
    double zl = Math.fma(rh, rh, -zh) + 2 * rh * rl;
    double z = zh + zl;
    zl = zl - (z - zh);
    zh = z;
    int last = c.length / 2 - 1;
    double ah = c[2 * last];
    double al = c[2 * last + 1];
    for (int i = last - 1; i >= 0; i--) {
      double prod = ah * zh;
      double prodErr = Math.fma(ah, zh, -prod) + (ah * zl + al * zh);
      double sum = prod + c[2 * i];
      double err = twoSumError(prod, c[2 * i], sum) + prodErr + c[2 * i + 1];
      ah = sum + err;
      al = err - (ah - sum);
    }
    if (sine) {
      double prod = ah * rh;
      double prodErr = Math.fma(ah, rh, -prod) + (ah * rl + al * rh);
      ah = prod + prodErr;
      al = prodErr - (ah - prod);
    }
    double hi = (quadrant & 2) == 0 ? ah : -ah;
    double lo = (quadrant & 2) == 0 ? al : -al;
    if (decided(hi, lo, k == 0 ? 0 : REDUCTION_ERROR)) {
      return hi;
    }
    return slow(x, cosine);
  }

  /** The rounding error of {@code sum = a + b} (Knuth's two-sum): {@code a + b - sum} exactly. */
  private static double twoSumError(double a, double b, double sum) {
    double bb = sum - a;
    return (a - (sum - bb)) + (b - bb);
  }

  /**
   * Whether {@code hi} is the nearest double to every value within {@code ERROR_BOUND * |hi| + absoluteError} of
   * {@code hi + lo}.
   */
  static boolean decided(double hi, double lo, double absoluteError) {
    double error = ERROR_BOUND * Math.abs(hi) + absoluteError;
    double up = Math.ulp(hi) / 2;
    double down = (Math.abs(hi) - Math.nextDown(Math.abs(hi))) / 2;
    double towardLo = lo * Math.signum(hi) >= 0 ? up : down;
    double awayFromLo = lo * Math.signum(hi) >= 0 ? down : up;
    return Math.abs(lo) + error < towardLo && error < awayFromLo;
  }

  /** Double-double coefficients {@code (-1)^n / (2n + offset)!} for {@code n < terms}. */
  private static double[] taylor(int offset, int terms) {
    double[] c = new double[2 * terms];
    BigDecimal factorial = BigDecimal.ONE;
    int m = 1;
    for (int n = 0; n < terms; n++) {
      for (; m <= 2 * n + offset; m++) {
        factorial = factorial.multiply(BigDecimal.valueOf(m));
      }
      BigDecimal coefficient = BigDecimal.ONE.divide(factorial, new MathContext(60));
      if (n % 2 == 1) {
        coefficient = coefficient.negate();
      }
      c[2 * n] = coefficient.doubleValue();
      c[2 * n + 1] = coefficient.subtract(new BigDecimal(c[2 * n])).doubleValue();
    }
    return c;
  }

  /** {@code sin(x)} or {@code cos(x)} with {@link BigDecimal} at 70 digits, then rounded to the nearest double. */
  static double slow(double x, boolean cosine) {
    BigDecimal bx = new BigDecimal(x);
    BigDecimal k = bx.divide(HALF_PI, 0, RoundingMode.HALF_EVEN);
    BigDecimal r = bx.subtract(k.multiply(HALF_PI), SLOW);
    int quadrant = (k.intValueExact() + (cosine ? 1 : 0)) & 3;
    BigDecimal y = series(r, (quadrant & 1) == 0);
    return ((quadrant & 2) == 0 ? y : y.negate()).doubleValue();
  }

  /** The Taylor series of {@code sin(r)} ({@code sine}) or {@code cos(r)}, summed until its terms drop below 1e-80. */
  private static BigDecimal series(BigDecimal r, boolean sine) {
    BigDecimal z = r.multiply(r, SLOW);
    BigDecimal term = sine ? r : BigDecimal.ONE;
    BigDecimal sum = term;
    int m = sine ? 1 : 0;
    BigDecimal epsilon = BigDecimal.ONE.movePointLeft(80);
    while (term.abs().compareTo(epsilon) > 0) {
      term = term.multiply(z, SLOW).divide(BigDecimal.valueOf((long) (m + 1) * (m + 2)), SLOW).negate();
      sum = sum.add(term, SLOW);
      m += 2;
    }
    return sum;
  }
}
