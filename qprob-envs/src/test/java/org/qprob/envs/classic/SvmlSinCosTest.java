package org.qprob.envs.classic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SvmlSinCosTest {
  private static final List<SinCosVectors> VECTORS = SinCosVectors.read("/acrobot/svml-sincos.csv");

  @Test
  void matchesNumpy124OnAvx512BitForBit() {
    assertThat(VECTORS).hasSizeGreaterThan(3000);
    assertThat(SinCosVectors.mismatches(VECTORS, SvmlSinCos::cos, SvmlSinCos::sin)).isEmpty();
  }

  /** The vectors tell the kernels apart from a correctly rounded library: Java's own sin/cos miss many of them. */
  @Test
  void theVectorsDistinguishSvmlFromJavasSinCos() {
    long cosDiffer = VECTORS.stream().filter(v -> Math.cos(v.x()) != v.cos()).count();
    long sinDiffer = VECTORS.stream().filter(v -> Math.sin(v.x()) != v.sin()).count();
    assertThat(cosDiffer).isGreaterThan(VECTORS.size() / 4);
    assertThat(sinDiffer).isGreaterThan(VECTORS.size() / 4);
  }

  /** SVML documents its low-accuracy kernels as under 4 ulp; far from the zeros this holds against StrictMath. */
  @Test
  void staysWithinFourUlpOfStrictMath() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      double x = random.nextDouble(-50.0, 50.0);
      double sin = StrictMath.sin(x);
      double cos = StrictMath.cos(x);
      if (Math.abs(sin) > 1e-3) {
        assertThat(Math.abs(SvmlSinCos.sin(x) - sin)).as("sin(%s)", x).isLessThanOrEqualTo(4 * Math.ulp(sin));
      }
      if (Math.abs(cos) > 1e-3) {
        assertThat(Math.abs(SvmlSinCos.cos(x) - cos)).as("cos(%s)", x).isLessThanOrEqualTo(4 * Math.ulp(cos));
      }
    }
  }

  @Test
  void outsideTheFastPathItIsStrictMathAndNonFiniteGivesNaN() {
    for (double x : new double[] {0x1p23, -0x1p23, 1e9, -3.5e15, Double.MAX_VALUE}) {
      assertThat(SvmlSinCos.sin(x)).isEqualTo(StrictMath.sin(x));
      assertThat(SvmlSinCos.cos(x)).isEqualTo(StrictMath.cos(x));
    }
    for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      assertThat(SvmlSinCos.sin(x)).isNaN();
      assertThat(SvmlSinCos.cos(x)).isNaN();
    }
  }

  static Stream<Arguments> products() {
    double invPi = 0x1.45f306dc9c883p-2;
    return Stream.of(
        Arguments.of("exact integer product", 3.0, 2.0, 6.0),
        Arguments.of("fraction rounds down", 2.5, 1.5, 3.0),
        Arguments.of("zero", 0.0, invPi, 0.0),
        Arguments.of("below one", 1.0, invPi, 0.0),
        // the rounded product is 11 exactly, the exact product a hair below it
        Arguments.of("rounds up to an integer from below", Double.parseDouble("0x1.1475cc9eedf00p+5"), invPi, 10.0),
        Arguments.of("rounds up to 13 from below", Double.parseDouble("0x1.46b9c347764a3p+5"), invPi, 12.0),
        Arguments.of("largest fast-path argument", Math.nextDown(0x1p23), invPi, 2670176.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("products")
  void floorOfProductIsTheFloorOfTheExactProduct(String name, double a, double b, double floor) {
    assertThat(SvmlSinCos.floorOfProduct(a, b)).isEqualTo(floor);
    assertThat(new java.math.BigDecimal(a).multiply(new java.math.BigDecimal(b))
        .setScale(0, java.math.RoundingMode.FLOOR).doubleValue()).isEqualTo(floor);
  }
}
