package org.qprob.experiments.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qprob.api.dist.Normal;

/** {@link Normal} agrees with Commons Math's NormalDistribution on density, cdf, quantiles and entropy. */
class NormalTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void agreesWithCommonsMath(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double mean = random.nextDouble(-10, 10);
    double sd = Math.exp(random.nextDouble(-4, 3));
    Normal n = new Normal(mean, sd);
    NormalDistribution reference = new NormalDistribution(null, mean, sd);
    for (int k = 0; k < 50; k++) {
      double x = mean + sd * random.nextDouble(-6, 6);
      assertThat(n.logDensity(x)).isCloseTo(reference.logDensity(x), within(1e-12 * Math.max(1, Math.abs(
          reference.logDensity(x)))));
      assertThat(n.density(x)).isCloseTo(reference.density(x), within(1e-12 * reference.density(x) + 1e-300));
      assertThat(n.cdf(x)).isCloseTo(reference.cumulativeProbability(x), within(1e-14));
      double p = random.nextDouble(1e-6, 1 - 1e-6);
      assertThat(n.quantile(p)).isCloseTo(reference.inverseCumulativeProbability(p), within(1e-9 * sd));
      assertThat(n.cdf(n.quantile(p))).isCloseTo(p, within(1e-12));
    }
    assertThat(n.mean()).isEqualTo(mean);
    assertThat(n.variance()).isCloseTo(sd * sd, within(1e-15 * sd * sd));
    assertThat(n.entropy()).isCloseTo(0.5 * Math.log(2 * Math.PI * Math.E * sd * sd), within(1e-12));
  }

  @org.junit.jupiter.api.Test
  void rejectsABadSpreadOrLevel() {
    assertThatThrownBy(() -> new Normal(0, 0)).hasMessage("Normal: sd = 0.0 is invalid; expected a finite number > 0");
    assertThatThrownBy(() -> new Normal(0, Double.POSITIVE_INFINITY)).hasMessageContaining("sd = Infinity");
    assertThatThrownBy(() -> new Normal(0, 1).quantile(1)).hasMessageContaining("p = 1.0 is invalid");
  }
}
