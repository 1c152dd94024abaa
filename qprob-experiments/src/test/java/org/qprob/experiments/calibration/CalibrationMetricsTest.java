package org.qprob.experiments.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qprob.api.dist.Categorical;
import org.qprob.api.dist.Distribution;
import org.qprob.api.dist.Gumbel;
import org.qprob.api.dist.Normal;
import org.qprob.api.dist.QuantileAtoms;

/**
 * The calibration metrics: a hand-computed case; predictions that are their own data-generating distribution give
 * coverage 0.5 / 0.9, a flat PIT histogram and an NLL equal to the mean entropy (within sampling tolerance); too
 * narrow, too wide and biased predictions show the signatures the report describes.
 */
class CalibrationMetricsTest {
  private static final int N = 20_000;

  @Test
  void handComputedCase() {
    Gumbel standard = new Gumbel(0, 0);
    Distribution[] d = {standard, standard, standard, standard};
    CalibrationMetrics m = CalibrationMetrics.of(d, new double[] {0, 1, -1, 3});
    // -log density of a standard Gumbel: x + exp(-x)
    assertThat(m.n()).isEqualTo(4);
    assertThat(m.nll()).isCloseTo(1.783987084499588, within(1e-12));
    // central 50%: [-0.32663, 1.24590] holds 0 and 1; central 90%: [-1.09719, 2.97020] holds 0, 1 and -1
    assertThat(m.cover50()).isEqualTo(0.5);
    assertThat(m.cover90()).isEqualTo(0.75);
    // cdf = exp(-exp(-x)): 0.3679, 0.6922, 0.0660, 0.9514 -> bins 4, 7, 1, 10
    assertThat(m.pit()).containsExactly(0.25, 0, 0, 0.25, 0, 0, 0.25, 0, 0, 0.25);
    assertThat(m.pitMaxDeviation()).isCloseTo(0.15, within(1e-15));
    assertThat(m.bias()).isCloseTo(0.75 - Gumbel.EULER_GAMMA, within(1e-15));
    assertThat(m.sd()).isCloseTo(Math.PI / Math.sqrt(6), within(1e-15));
  }

  @Test
  void noPairsGiveNaNAndMismatchedInputsFail() {
    CalibrationMetrics none = CalibrationMetrics.of(new Distribution[0], new double[0]);
    assertThat(none.n()).isZero();
    assertThat(none.nll()).isNaN();
    assertThat(none.pitMaxDeviation()).isNaN();
    assertThat(CalibrationMetrics.undefined(7).n()).isEqualTo(7);
    assertThat(CalibrationMetrics.undefined(7).cover50()).isNaN();
    assertThatThrownBy(() -> CalibrationMetrics.of(new Distribution[1], new double[2]))
        .hasMessageContaining("1 predictions, 2 returns");
  }

  @Test
  void discretePredictionsGetCrpsCoverageAndARandomisedPitButNoNll() {
    // returns drawn from random categorical and quantile predictions, each scored by the prediction it came from
    SplittableRandom random = new SplittableRandom(17);
    Distribution[] predicted = new Distribution[N];
    double[] realised = new double[N];
    double crps = 0;
    for (int i = 0; i < N; i++) {
      double[] support = {0, 1, 2, 3, 4};
      double[] logits = random.doubles(5, -2, 2).toArray();
      Distribution d = i % 2 == 0 ? Categorical.ofLogits(support, logits)
          : new QuantileAtoms(random.doubles(8, -3, 3).toArray());
      predicted[i] = d;
      realised[i] = d.sample(random);
      crps += d.crps(realised[i]);
    }
    CalibrationMetrics m = CalibrationMetrics.of(predicted, realised, new SplittableRandom(3));
    assertThat(m.nll()).as("no density").isNaN();
    assertThat(m.crps()).isCloseTo(crps / N, within(1e-12));
    // a draw from its own prediction is calibrated: the randomised PIT is uniform (a plain cdf(G) would pile up at
    // the atoms' steps), whatever the atoms
    for (double bin : m.pit()) {
      assertThat(bin).isCloseTo(0.1, within(0.012));
    }
    assertThat(m.cover90()).as("at least 90%: atoms fall on the interval ends").isGreaterThanOrEqualTo(0.9);
    assertThat(CalibrationMetrics.of(predicted, realised, new SplittableRandom(3))).as("same generator, same PIT")
        .isEqualTo(m);
  }

  /** The metrics of a synthetic case and the mean entropy of its predictions. */
  private record Case(CalibrationMetrics metrics, double meanEntropy) {
  }

  /**
   * Returns drawn from random Gumbels, each predicted by that Gumbel with its scale times {@code scaleFactor} and its
   * location lowered by {@code lowerInBetas} true scales. The same seed gives the same returns whatever the factors.
   */
  private static Case gumbelCase(long seed, double scaleFactor, double lowerInBetas) {
    SplittableRandom random = new SplittableRandom(seed);
    Distribution[] predicted = new Distribution[N];
    double[] realised = new double[N];
    double entropy = 0;
    for (int i = 0; i < N; i++) {
      Gumbel truth = new Gumbel(random.nextDouble(-5, 5), random.nextDouble(-2, 1));
      realised[i] = truth.sample(random);
      Gumbel q = new Gumbel(truth.mu() - lowerInBetas * truth.beta(), truth.nu() + Math.log(scaleFactor));
      predicted[i] = q;
      entropy += q.entropy();
    }
    return new Case(CalibrationMetrics.of(predicted, realised), entropy / N);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void aPredictorSampledFromItselfIsCalibrated(long seed) {
    Case c = gumbelCase(seed, 1, 0);
    CalibrationMetrics m = c.metrics();
    // binomial standard errors at n = 20,000: 0.0035 (50%), 0.0021 (90%), 0.0021 (a PIT bin)
    assertThat(m.cover50()).isCloseTo(0.5, within(0.015));
    assertThat(m.cover90()).isCloseTo(0.9, within(0.01));
    for (double p : m.pit()) {
      assertThat(p).isCloseTo(0.1, within(0.01));
    }
    assertThat(m.pitMaxDeviation()).isLessThan(0.01);
    // the expected NLL of a distribution's own samples is its entropy
    assertThat(m.nll()).isCloseTo(c.meanEntropy(), within(0.05));
    assertThat(m.bias()).isCloseTo(0, within(0.05));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void tooNarrowPredictionsUnderCoverAndPileUpInTheOuterBins(long seed) {
    CalibrationMetrics calibrated = gumbelCase(seed, 1, 0).metrics();
    CalibrationMetrics narrow = gumbelCase(seed, 0.5, 0).metrics(); // half the true scale, same returns
    // in true scales the central 50% interval is [-0.163, 0.623]: P = 0.277; the 90% one holds 0.62
    assertThat(narrow.cover50()).isLessThan(0.35);
    assertThat(narrow.cover90()).isLessThan(0.75);
    double[] pit = narrow.pit();
    assertThat(pit[0] + pit[9]).isGreaterThan(0.35);
    // the NLL is a proper score: on the same returns the true distribution does best
    assertThat(narrow.nll()).isGreaterThan(calibrated.nll() + 0.2);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void tooWidePredictionsOverCoverAndPileUpInTheMiddle(long seed) {
    CalibrationMetrics calibrated = gumbelCase(seed, 1, 0).metrics();
    CalibrationMetrics wide = gumbelCase(seed, 2, 0).metrics(); // twice the true scale, same returns
    // in true scales the central 50% interval is [-0.653, 2.49]: P = 0.774; the 90% one holds 0.997
    assertThat(wide.cover50()).isGreaterThan(0.7);
    assertThat(wide.cover90()).isGreaterThan(0.97);
    double[] pit = wide.pit();
    assertThat(pit[0] + pit[9]).isLessThan(0.05);
    assertThat(wide.sd()).isCloseTo(2 * calibrated.sd(), within(1e-9 * calibrated.sd()));
    assertThat(wide.nll()).isGreaterThan(calibrated.nll() + 0.1);
  }

  @Test
  void predictionsTooLowPutTheReturnsInTheUpperBins() {
    CalibrationMetrics low = gumbelCase(7, 1, 1.5).metrics(); // predictions 1.5 scales below the returns' law
    double[] pit = low.pit();
    assertThat(pit[7] + pit[8] + pit[9]).isGreaterThan(0.6);
    assertThat(pit[0] + pit[1] + pit[2]).isLessThan(0.05);
    assertThat(low.bias()).isPositive();
  }

  @Test
  void aGaussianSampledFromItselfIsCalibratedToo() {
    SplittableRandom random = new SplittableRandom(9);
    Distribution[] predicted = new Distribution[N];
    double[] realised = new double[N];
    for (int i = 0; i < N; i++) {
      Normal n = new Normal(random.nextDouble(-3, 3), random.nextDouble(0.1, 2));
      predicted[i] = n;
      realised[i] = n.sample(random);
    }
    CalibrationMetrics m = CalibrationMetrics.of(predicted, realised);
    assertThat(m.cover50()).isCloseTo(0.5, within(0.015));
    assertThat(m.cover90()).isCloseTo(0.9, within(0.01));
    assertThat(m.pitMaxDeviation()).isLessThan(0.01);
  }
}
