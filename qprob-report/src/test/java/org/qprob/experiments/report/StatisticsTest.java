package org.qprob.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatisticsTest {

  @Test
  void interquartileMeanDropsAQuarterAtEachEnd() {
    // n = 8: drop 2 at each end of 1..8 -> mean(3, 4, 5, 6) = 4.5
    assertThat(SeedAggregate.interquartileMean(new double[] {8, 1, 7, 2, 6, 3, 5, 4})).isEqualTo(4.5);
    // n = 10 with an outlier: drop 2 each end of sorted {0,1,2,3,4,5,6,7,8,1000} -> mean(2..7) = 4.5
    assertThat(SeedAggregate.interquartileMean(new double[] {1000, 0, 1, 2, 3, 4, 5, 6, 7, 8})).isEqualTo(4.5);
    // n = 3: floor(3/4) = 0, nothing dropped
    assertThat(SeedAggregate.interquartileMean(new double[] {1, 2, 9})).isEqualTo(4.0);
    // n = 5: drop 1 each end of {1,2,3,4,100} -> mean(2,3,4) = 3
    assertThat(SeedAggregate.interquartileMean(new double[] {100, 4, 3, 2, 1})).isEqualTo(3.0);
    assertThat(SeedAggregate.interquartileMean(new double[0])).isNaN();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void bootstrapIntervalContainsTheMeanAndShrinksWithMoreSeeds(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] small = IntStream.range(0, 5).mapToDouble(i -> 100 + 30 * r.nextGaussian()).toArray();
    double[] large = IntStream.range(0, 80).mapToDouble(i -> 100 + 30 * r.nextGaussian()).toArray();
    Interval a = Bootstrap.STANDARD.meanInterval(small);
    Interval b = Bootstrap.STANDARD.meanInterval(large);
    assertThat(a.contains(SeedAggregate.mean(small))).isTrue();
    assertThat(b.contains(SeedAggregate.mean(large))).isTrue();
    assertThat(b.upper() - b.lower()).isLessThan(a.upper() - a.lower());
    // for many seeds the percentile interval approaches mean +- 1.96 sd / sqrt(n)
    double sd = Math.sqrt(IntStream.range(0, large.length)
        .mapToDouble(i -> Math.pow(large[i] - SeedAggregate.mean(large), 2)).sum() / large.length);
    assertThat(b.upper() - b.lower()).isCloseTo(2 * 1.96 * sd / Math.sqrt(large.length), within(0.15 * 3.92 * sd
        / Math.sqrt(large.length)));
  }

  @Test
  void bootstrapIsDeterministicAndBoundedByTheSample() {
    double[] x = {3, 9, 4, 12, 5};
    Interval first = Bootstrap.STANDARD.meanInterval(x);
    assertThat(Bootstrap.STANDARD.meanInterval(x)).isEqualTo(first);
    assertThat(first.lower()).isGreaterThanOrEqualTo(3).isLessThan(6.6);
    assertThat(first.upper()).isLessThanOrEqualTo(12).isGreaterThan(6.6);
    assertThat(Bootstrap.STANDARD.meanInterval(new double[] {7})).isEqualTo(new Interval(7, 7));
    assertThat(Bootstrap.STANDARD.meanInterval(new double[] {2, 2, 2})).isEqualTo(new Interval(2, 2));
    assertThat(Bootstrap.STANDARD.meanInterval(new double[0])).isEqualTo(Interval.NONE);
  }

  @Test
  void bootstrapOfTwoValuesHasTheKnownDistribution() {
    // Resampled means of {0, 1} with n = 2 take 0, 0.5, 1 with probabilities 1/4, 1/2, 1/4; the 2.5% and 97.5%
    // quantiles are therefore 0 and 1.
    Interval i = Bootstrap.STANDARD.meanInterval(new double[] {0, 1});
    assertThat(i).isEqualTo(new Interval(0, 1));
  }

  static Stream<Arguments> improvementCases() {
    return Stream.of(
        Arguments.of("all of a above all of b", new double[] {3, 4}, new double[] {1, 2}, 1.0),
        Arguments.of("all of a below all of b", new double[] {1, 2}, new double[] {3, 4}, 0.0),
        Arguments.of("a tie counts half", new double[] {2}, new double[] {2}, 0.5),
        Arguments.of("interleaved", new double[] {1, 4}, new double[] {2, 3}, 0.5),
        Arguments.of("one of three below, one tied", new double[] {1, 2, 3}, new double[] {2}, 0.5),
        Arguments.of("unequal sizes with a tie", new double[] {5, 6, 7}, new double[] {1, 6}, 4.5 / 6));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("improvementCases")
  void probabilityOfImprovementCountsPairsOfSeeds(String name, double[] a, double[] b, double expected) {
    assertThat(Bootstrap.probabilityOfImprovement(a, b)).isEqualTo(expected);
    assertThat(Bootstrap.probabilityOfImprovement(b, a)).isEqualTo(1 - expected);
  }

  @Test
  void twoSampleIntervalsOfTinySamplesHaveTheKnownDistributions() {
    // b = {0, 0} resamples to mean 0; a = {0, 1} to 0, 0.5, 1 with probabilities 1/4, 1/2, 1/4
    assertThat(Bootstrap.STANDARD.differenceInterval(new double[] {0, 1}, new double[] {0, 0}))
        .isEqualTo(new Interval(0, 1));
    // disjoint samples: every resampled pair of seeds has a above b
    assertThat(Bootstrap.STANDARD.improvementInterval(new double[] {10, 11}, new double[] {1, 2}))
        .isEqualTo(new Interval(1, 1));
    assertThat(Bootstrap.STANDARD.differenceInterval(new double[] {1, 2}, new double[] {3})).isEqualTo(Interval.NONE);
    assertThat(Bootstrap.STANDARD.improvementInterval(new double[0], new double[] {1, 2})).isEqualTo(Interval.NONE);
    assertThat(Bootstrap.probabilityOfImprovement(new double[0], new double[] {1})).isNaN();
  }

  /**
   * Large normal samples: the difference interval is about {@code mean_a - mean_b +- 1.96 sqrt(var_a/n + var_b/m)}
   * and holds the true difference; the improvement interval holds {@code P(X > Y) = Phi(1 / sqrt(1 + 4))}.
   */
  @Test
  void twoSampleIntervalsMatchTheNormalTheoryForLargeSamples() {
    SplittableRandom random = new SplittableRandom(11);
    int n = 400;
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = 1 + random.nextGaussian();
      b[i] = 2 * random.nextGaussian();
    }
    Interval d = Bootstrap.STANDARD.differenceInterval(a, b);
    double halfWidth = 1.96 * Math.sqrt((1.0 + 4.0) / n);
    assertThat((d.upper() - d.lower()) / 2).isCloseTo(halfWidth, within(0.1 * halfWidth));
    assertThat(d.contains(1.0)).as("%s holds 1", d).isTrue();
    assertThat(d.contains(SeedAggregate.mean(a) - SeedAggregate.mean(b))).isTrue();

    double truth = new NormalDistribution().cumulativeProbability(1 / Math.sqrt(5));
    Interval p = Bootstrap.STANDARD.improvementInterval(a, b);
    assertThat(p.contains(truth)).as("%s holds %s", p, truth).isTrue();
    assertThat(p.upper() - p.lower()).isBetween(0.03, 0.12);
  }

  @Test
  void quantileInterpolatesBetweenOrderStatistics() {
    double[] sorted = {1, 2, 3, 4, 5};
    assertThat(Bootstrap.quantile(sorted, 0)).isEqualTo(1);
    assertThat(Bootstrap.quantile(sorted, 0.5)).isEqualTo(3);
    assertThat(Bootstrap.quantile(sorted, 0.1)).isCloseTo(1.4, within(1e-12));
    assertThat(Bootstrap.quantile(sorted, 1)).isEqualTo(5);
  }

  @Test
  void seedAggregateLeavesOutNaN() {
    SeedAggregate a = SeedAggregate.of(new double[] {1, Double.NaN, 3}, Bootstrap.STANDARD);
    assertThat(a.n()).isEqualTo(2);
    assertThat(a.mean()).isEqualTo(2);
    assertThat(SeedAggregate.of(new double[] {Double.NaN}, Bootstrap.STANDARD).mean()).isNaN();
  }

  @Test
  void thresholdCrossingUsesFullWindowsOfTheMovingAverage() {
    // returns 0,0,10,10,10,10 with window 3: MA over full windows at episodes 3..6 = 3.33, 6.67, 10, 10
    LearningCurve c = new LearningCurve(new double[] {0, 0, 10, 10, 10, 10}, new long[] {5, 10, 20, 30, 40, 50});
    assertThat(c.movingAverage(3)).containsExactly(new double[] {0, 0, 10 / 3.0, 20 / 3.0, 10, 10}, within(1e-12));
    assertThat(c.firstEpisodeReaching(6, 3)).isEqualTo(OptionalInt.of(4));
    assertThat(c.envStepsAtEpisode(4)).isEqualTo(30);
    assertThat(c.firstEpisodeReaching(10, 3)).isEqualTo(OptionalInt.of(5));
    assertThat(c.firstEpisodeReaching(10.5, 3)).isEmpty();
    // a single high first episode does not count before the window is full
    LearningCurve early = new LearningCurve(new double[] {500, 0, 0}, new long[] {500, 510, 520});
    assertThat(early.firstEpisodeReaching(475, 2)).isEmpty();
    assertThat(early.firstEpisodeReaching(250, 2)).isEqualTo(OptionalInt.of(2));
  }

  @Test
  void areasUnderTheCurve() {
    LearningCurve c = new LearningCurve(new double[] {10, 20, 40}, new long[] {10, 30, 70});
    assertThat(c.areaPerEpisode()).isCloseTo(70 / 3.0, within(1e-12));
    // trapezoids: (10+20)/2*20 + (20+40)/2*40 = 300 + 1200 = 1500 over 60 steps
    assertThat(c.areaPerEnvStep()).isCloseTo(25.0, within(1e-12));
    assertThat(c.finalMean(2)).isEqualTo(30);
    assertThat(c.finalMean(50)).isCloseTo(70 / 3.0, within(1e-12));
    assertThat(c.totalEnvSteps()).isEqualTo(70);
  }

  @Test
  void aLearningCurveRejectsDecreasingSteps() {
    assertThatThrownBy(() -> new LearningCurve(new double[] {1, 2}, new long[] {10, 5}))
        .hasMessage("env steps decrease at episode 2: 10 then 5");
  }

  @Test
  void interpolationIsPiecewiseLinearAndClampedAtTheEnds() {
    double[] x = {10, 20, 20, 40};
    double[] y = {1, 3, 5, 9};
    assertThat(Curves.interpolate(x, y, 0)).isEqualTo(1);
    assertThat(Curves.interpolate(x, y, 15)).isEqualTo(2);
    assertThat(Curves.interpolate(x, y, 20)).isEqualTo(5);
    assertThat(Curves.interpolate(x, y, 30)).isEqualTo(7);
    assertThat(Curves.interpolate(x, y, 50)).isEqualTo(9);
  }

  @Test
  void bandsAverageSeedsOnACommonGrid() {
    Curves curves = new Curves(new Bootstrap(1000, 0.95, 1));
    LearningCurve a = new LearningCurve(new double[] {1, 1, 1, 1}, new long[] {10, 20, 30, 40});
    LearningCurve b = new LearningCurve(new double[] {3, 3, 3}, new long[] {5, 15, 25});
    Band byEpisode = curves.againstEpisodes("v", List.of(a, b), 2);
    assertThat(byEpisode.x()).containsExactly(1, 2, 3);
    assertThat(byEpisode.mean()).containsExactly(2, 2, 2);
    assertThat(byEpisode.lower()).containsExactly(1, 1, 1);
    assertThat(byEpisode.upper()).containsExactly(3, 3, 3);
    Band bySteps = curves.againstEnvSteps("v", List.of(a, b), 2);
    assertThat(bySteps.x()[0]).isEqualTo(10);
    assertThat(bySteps.x()[bySteps.x().length - 1]).isEqualTo(25);
    assertThat(java.util.Arrays.stream(bySteps.mean()).boxed().toList()).allSatisfy(m -> assertThat(m).isEqualTo(2.0));
  }
}
