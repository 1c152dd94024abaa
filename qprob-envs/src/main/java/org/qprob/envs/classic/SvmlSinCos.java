package org.qprob.envs.classic;

/**
 * Float64 sine and cosine that return, bit for bit, what NumPy 1.22–1.24 returns for {@code np.sin} and
 * {@code np.cos} on a CPU with AVX-512: those NumPy releases hand float64 sin/cos to Intel SVML's low-accuracy
 * (under 4 ulp) AVX-512 kernels ({@code __svml_sin8}, {@code __svml_cos8}), and Gymnasium's Acrobot computes its
 * dynamics and observation with them. The golden Acrobot trace was recorded that way; NumPy 1.25 and later call the C
 * library instead, whose results differ from these in the last bit for about half of all arguments.
 *
 * <p>Both kernels reduce the argument by a three-part pi, {@code x = N pi + R}, then evaluate an odd polynomial in
 * {@code R} and flip the sign when {@code N} is odd. Each fused multiply-add of the kernels is a {@link Math#fma}
 * here (both round once), in the kernels' order, with their constants (SVML is BSD-3-Clause, Intel 2021). The cosine
 * kernel rounds its first step toward zero, {@code floor(|x| / pi)}, which {@link #floorOfProduct} computes exactly.
 *
 * <p>The kernels' fast path covers {@code |x| < 2^23}; beyond it (never reached by Acrobot, whose angles stay within a
 * few pi) SVML switches to a long reduction that is not reproduced, and these methods return {@link StrictMath}'s
 * values. NaN and infinities give NaN, as in SVML.
 */
final class SvmlSinCos {
  /** Arguments below this magnitude take the kernels' fast path. */
  static final double FAST_PATH_LIMIT = 0x1p23;

  private static final double INV_PI = 0x1.45f306dc9c883p-2;
  private static final double PI_HI = 0x1.921fb54442d18p+1;
  private static final double PI_MID = 0x1.1a62633145c06p-53;
  private static final double PI_LO = 0x1.c1cd129024e09p-106;

  /** {@code 1.5 * 2^52}: adding it rounds {@code x / pi} to the nearest integer, stored in the low mantissa bits. */
  private static final double SIN_SHIFTER = 0x1.8p52;
  private static final double SIN_C1 = -0x1.55555555554a8p-3;
  private static final double SIN_C2 = 0x1.111111110a573p-7;
  private static final double SIN_C3 = -0x1.a01a019a659ddp-13;
  private static final double SIN_C4 = 0x1.71de3806add1ap-19;
  private static final double SIN_C5 = -0x1.ae6355aaa4a53p-26;
  private static final double SIN_C6 = 0x1.60e6bee01d83ep-33;
  private static final double SIN_C7 = -0x1.9f1517e9f65f0p-41;

  /** Below this magnitude the cosine kernel returns exactly 1. */
  private static final double COS_TINY = 0x1p-27;
  private static final double COS_C1 = -0x1.55555555554a7p-3;
  private static final double COS_C2 = 0x1.111111110a4a8p-7;
  private static final double COS_C3 = -0x1.a01a019a5b87bp-13;
  private static final double COS_C4 = 0x1.71de38030fea0p-19;
  private static final double COS_C5 = -0x1.ae63546002231p-26;
  private static final double COS_C6 = 0x1.60e6857a2f220p-33;
  private static final double COS_C7 = -0x1.9f0d60811aac8p-41;

  private SvmlSinCos() {}

  /** {@code sin(x)} as NumPy 1.22–1.24 computes it on AVX-512. */
  static double sin(double x) {
    if (!(Math.abs(x) < FAST_PATH_LIMIT)) {
      return StrictMath.sin(x);
    }
    // x = n pi + r with n = round(x / pi); sin(x) = (-1)^n sin(r).
    double shifted = Math.fma(x, INV_PI, SIN_SHIFTER);
    boolean odd = (Double.doubleToRawLongBits(shifted) & 1L) != 0;
    double n = shifted - SIN_SHIFTER;
    double r = Math.fma(-n, PI_HI, x);
    r = Math.fma(-PI_MID, n, r);
    double r2 = r * r;
    r = Math.fma(-PI_LO, n, r);
    double poly = Math.fma(SIN_C7, r2, SIN_C6);
    double r3 = r2 * r;
    poly = Math.fma(r2, poly, SIN_C5);
    poly = Math.fma(r2, poly, SIN_C4);
    poly = Math.fma(r2, poly, SIN_C3);
    poly = Math.fma(r2, poly, SIN_C2);
    poly = Math.fma(r2, poly, SIN_C1);
    double result = Math.fma(r3, poly, r);
    if (x == 0.0) {
      return x;
    }
    return odd ? -result : result;
  }

  /** {@code cos(x)} as NumPy 1.22–1.24 computes it on AVX-512. */
  static double cos(double x) {
    double a = Math.abs(x);
    if (!(a < FAST_PATH_LIMIT)) {
      return StrictMath.cos(x);
    }
    // |x| + pi/2 = (n + 1/2) pi + r' with n = floor(|x| / pi); cos(x) = (-1)^n sin(r), r = (n + 1/2) pi - |x|.
    double n = floorOfProduct(a, INV_PI);
    boolean odd = (((long) n) & 1L) != 0;
    double half = n + 0.5;
    double r = Math.fma(half, PI_HI, -a);
    r = Math.fma(PI_MID, half, r);
    double r2 = r * r;
    r = Math.fma(PI_LO, half, r);
    double poly = Math.fma(COS_C7, r2, COS_C6);
    poly = Math.fma(r2, poly, COS_C5);
    poly = Math.fma(r2, poly, COS_C4);
    poly = Math.fma(r2, poly, COS_C3);
    double signed = odd ? -r : r;
    poly = Math.fma(r2, poly, COS_C2);
    double r3 = r2 * signed;
    poly = Math.fma(r2, poly, COS_C1);
    double result = Math.fma(r3, poly, signed);
    return a < COS_TINY ? 1.0 : result;
  }

  /**
   * {@code floor(a * b)} of the exact product of two non-negative doubles whose product is below {@code 2^52}: what
   * the kernel's {@code fma(a, b, 2^52)} rounded toward zero leaves above {@code 2^52}.
   */
  static double floorOfProduct(double a, double b) {
    double product = a * b;
    double floor = Math.floor(product);
    if (floor == product && Math.fma(a, b, -product) < 0) {
      return floor - 1;
    }
    return floor;
  }
}
