package org.qprob.envs.classic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorrectlyRoundedSinCosTest {
  private static final List<SinCosVectors> VECTORS = SinCosVectors.read("/acrobot/correctly-rounded-sincos.csv");

  @Test
  void matchesTheCorrectlyRoundedValuesBitForBit() {
    assertThat(VECTORS).hasSizeGreaterThan(5000);
    assertThat(SinCosVectors.mismatches(VECTORS, CorrectlyRoundedSinCos::cos, CorrectlyRoundedSinCos::sin)).isEmpty();
  }

  /** The {@link java.math.BigDecimal} fallback, taken when the fast result is too close to call, is itself exact. */
  @Test
  void theSlowPathMatchesTheVectorsToo() {
    for (SinCosVectors v : VECTORS.subList(0, 1500)) {
      if (Math.abs(v.x()) < 0x1p-500) {
        continue;
      }
      assertThat(CorrectlyRoundedSinCos.slow(v.x(), true)).as("cos(%s)", v.x()).isEqualTo(v.cos());
      assertThat(CorrectlyRoundedSinCos.slow(v.x(), false)).as("sin(%s)", v.x()).isEqualTo(v.sin());
    }
  }

  /** Fast and slow paths agree on fresh arguments, and Java's Math (1 ulp) often does not. */
  @Test
  void fastAndSlowPathsAgreeWhereJavasMathDiffers() {
    SplittableRandom random = new SplittableRandom(3);
    int mathDiffers = 0;
    for (int i = 0; i < 3000; i++) {
      double x = random.nextDouble(-20, 20);
      double cos = CorrectlyRoundedSinCos.cos(x);
      double sin = CorrectlyRoundedSinCos.sin(x);
      assertThat(cos).as("cos(%s)", x).isEqualTo(CorrectlyRoundedSinCos.slow(x, true));
      assertThat(sin).as("sin(%s)", x).isEqualTo(CorrectlyRoundedSinCos.slow(x, false));
      mathDiffers += (Math.cos(x) != cos ? 1 : 0) + (Math.sin(x) != sin ? 1 : 0);
    }
    assertThat(mathDiffers).isPositive();
  }

  /** A result within the error bound of a rounding boundary is left to the slow path. */
  @Test
  void aResultNearAMidpointIsNotDecided() {
    double hi = 0.75;
    double halfUlp = Math.ulp(hi) / 2;
    assertThat(CorrectlyRoundedSinCos.decided(hi, 0, 0)).isTrue();
    assertThat(CorrectlyRoundedSinCos.decided(hi, halfUlp * 0.999, 0)).isTrue();
    assertThat(CorrectlyRoundedSinCos.decided(hi, halfUlp * (1 - 0x1p-60), 0)).isFalse();
    assertThat(CorrectlyRoundedSinCos.decided(-hi, -halfUlp * (1 - 0x1p-60), 0)).isFalse();
    // below a power of two the gap is half as wide
    assertThat(CorrectlyRoundedSinCos.decided(0.5, -Math.ulp(0.5) / 4 * (1 - 0x1p-60), 0)).isFalse();
    assertThat(CorrectlyRoundedSinCos.decided(0.5, Math.ulp(0.5) / 4, 0)).isTrue();
    // the reduction's absolute error counts too: it can leave a tiny result undecided
    double tiny = 0x1.8p-110;
    assertThat(CorrectlyRoundedSinCos.decided(tiny, Math.ulp(tiny) / 4, 0)).isTrue();
    assertThat(CorrectlyRoundedSinCos.decided(tiny, Math.ulp(tiny) / 4, CorrectlyRoundedSinCos.REDUCTION_ERROR))
        .isFalse();
  }

  @Test
  void outsideItsRangeItIsStrictMathAndNonFiniteGivesNaN() {
    for (double x : new double[] {0x1p20, -3e7, Double.MAX_VALUE}) {
      assertThat(CorrectlyRoundedSinCos.sin(x)).isEqualTo(StrictMath.sin(x));
      assertThat(CorrectlyRoundedSinCos.cos(x)).isEqualTo(StrictMath.cos(x));
    }
    assertThat(CorrectlyRoundedSinCos.sin(-0.0)).isEqualTo(-0.0);
    assertThat(CorrectlyRoundedSinCos.cos(-0.0)).isEqualTo(1.0);
    for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertThat(CorrectlyRoundedSinCos.sin(x)).isNaN();
      assertThat(CorrectlyRoundedSinCos.cos(x)).isNaN();
    }
  }
}
