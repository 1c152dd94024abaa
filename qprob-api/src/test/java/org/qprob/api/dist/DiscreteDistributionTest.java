package org.qprob.api.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Categorical} and {@link QuantileAtoms}: step cdf, generalised inverse, moments, sampling, validation. */
class DiscreteDistributionTest {
  /** A distribution with the unsorted arrays it was built from. */
  record Case(DiscreteDistribution distribution, double[] values, double[] probabilities) {}

  /**
   * Random categoricals (unsorted supports with repeated atoms and atoms of probability 0) and random quantile
   * atoms (unsorted, with ties).
   */
  static Stream<Named<Case>> cases() {
    SplittableRandom random = new SplittableRandom(2024);
    List<Named<Case>> out = new ArrayList<>();
    for (int c = 0; c < 30; c++) {
      int n = 1 + random.nextInt(60);
      double[] values = new double[n];
      double[] weights = new double[n];
      double total = 0;
      for (int k = 0; k < n; k++) {
        values[k] = k > 0 && random.nextInt(8) == 0 ? values[random.nextInt(k)] : random.nextDouble(-100, 100);
        weights[k] = random.nextInt(6) == 0 ? 0 : random.nextDouble();
        total += weights[k];
      }
      if (total == 0) {
        weights[0] = 1;
        total = 1;
      }
      for (int k = 0; k < n; k++) {
        weights[k] /= total;
      }
      out.add(Named.of("categorical #" + c + " (" + n + " atoms)",
          new Case(new Categorical(values, weights), values, weights)));
      double[] equal = new double[n];
      Arrays.fill(equal, 1.0 / n);
      out.add(Named.of("quantile atoms #" + c + " (" + n + " values)",
          new Case(new QuantileAtoms(values), values, equal)));
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void atomsAreSortedAndCarryTheirProbabilities(Case c) {
    DiscreteDistribution d = c.distribution();
    assertThat(d.size()).isEqualTo(c.values().length);
    assertThat(d.continuous()).isFalse();
    double total = 0;
    for (int k = 0; k < d.size(); k++) {
      if (k > 0) {
        assertThat(d.atom(k)).isGreaterThanOrEqualTo(d.atom(k - 1));
      }
      total += d.probability(k);
      double expected = 0; // the total probability the inputs gave this atom's value
      double got = 0;
      for (int j = 0; j < d.size(); j++) {
        expected += c.values()[j] == d.atom(k) ? c.probabilities()[j] : 0;
        got += d.atom(j) == d.atom(k) ? d.probability(j) : 0;
      }
      assertThat(got).isCloseTo(expected, within(1e-14));
    }
    assertThat(total).isCloseTo(1, within(1e-14));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void theCdfIsARightContinuousStepFunctionAndTheQuantileItsGeneralisedInverse(Case c) {
    DiscreteDistribution d = c.distribution();
    double[] values = c.values();
    for (double x : values) {
      double direct = 0;
      double directBelow = 0;
      for (int j = 0; j < values.length; j++) {
        direct += values[j] <= x ? c.probabilities()[j] : 0;
        directBelow += values[j] < x ? c.probabilities()[j] : 0;
      }
      assertThat(d.cdf(x)).as("F(%s)", x).isCloseTo(direct, within(1e-14));
      assertThat(d.cdf(Math.nextDown(x))).as("F just below %s", x).isCloseTo(directBelow, within(1e-14));
    }
    assertThat(d.cdf(d.atom(0) - 1)).isZero();
    assertThat(d.cdf(d.atom(d.size() - 1))).isEqualTo(1);
    assertThat(d.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1);
    SplittableRandom random = new SplittableRandom(values.length);
    for (int t = 0; t < 500; t++) {
      double p = t == 0 ? 1 : t == 1 ? Math.ulp(1.0) : random.nextDouble();
      if (p == 0) {
        continue;
      }
      double q = d.quantile(p);
      // the smallest atom at which F reaches p: F(q) >= p and F stays below p just before q
      assertThat(d.cdf(q)).as("F(Q(%s))", p).isGreaterThanOrEqualTo(p);
      assertThat(d.cdf(Math.nextDown(q))).as("F just below Q(%s)", p).isLessThan(p);
    }
    for (int k = 0; k < d.size(); k++) {
      // every atom of positive mass is the quantile of its own cumulative probability
      if (d.probability(k) > 0 && (k == d.size() - 1 || d.atom(k + 1) > d.atom(k))) {
        assertThat(d.quantile(d.cdf(d.atom(k)))).isEqualTo(d.atom(k));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void meanAndVarianceMatchDirectSums(Case c) {
    double[] x = c.values();
    double[] p = c.probabilities();
    double mean = 0;
    for (int k = 0; k < x.length; k++) {
      mean += p[k] * x[k];
    }
    double variance = 0;
    for (int k = 0; k < x.length; k++) {
      variance += p[k] * (x[k] - mean) * (x[k] - mean);
    }
    assertThat(c.distribution().mean()).isCloseTo(mean, within(1e-12 * Math.max(1, Math.abs(mean))));
    assertThat(c.distribution().variance()).isCloseTo(variance, within(1e-11 * Math.max(1, variance)));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void samplingFrequenciesMatchTheProbabilities(Case c) {
    DiscreteDistribution d = c.distribution();
    SplittableRandom random = new SplittableRandom(99);
    int n = 100_000;
    double[] distinct = Arrays.stream(c.values()).distinct().sorted().toArray();
    int[] counts = new int[distinct.length];
    for (int i = 0; i < n; i++) {
      int at = Arrays.binarySearch(distinct, d.sample(random));
      assertThat(at).as("a draw that is not an atom").isGreaterThanOrEqualTo(0);
      counts[at]++;
    }
    for (int k = 0; k < distinct.length; k++) {
      double p = d.cdf(distinct[k]) - (k == 0 ? 0 : d.cdf(distinct[k - 1]));
      if (p == 0) {
        assertThat(counts[k]).as("draws of %s, an atom of probability 0", distinct[k]).isZero();
      } else {
        // five standard errors
        assertThat((double) counts[k] / n).as("frequency of %s", distinct[k])
            .isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / n) + 1e-12));
      }
    }
    // the generator alone decides the draws
    SplittableRandom a = new SplittableRandom(5);
    SplittableRandom b = new SplittableRandom(5);
    for (int i = 0; i < 100; i++) {
      assertThat(d.sample(a)).isEqualTo(d.sample(b));
    }
  }

  @Test
  void quantileAtomsSortTheirValuesAndGiveThemBackAtTheMidpoints() {
    double[] theta = {3.5, -1, 2, 7, 0.25, 2};
    QuantileAtoms d = new QuantileAtoms(theta);
    double[] sorted = theta.clone();
    Arrays.sort(sorted);
    assertThat(d.values()).containsExactly(sorted);
    for (int k = 0; k < theta.length; k++) {
      assertThat(d.probability(k)).isEqualTo(1.0 / theta.length);
      assertThat(d.quantile((2 * k + 1) / (2.0 * theta.length))).isEqualTo(sorted[k]);
      assertThat(d.quantile((k + 1.0) / theta.length)).isEqualTo(sorted[k]);
    }
    assertThat(d.cdf(2)).isEqualTo(4.0 / 6);
    assertThat(d.cdf(Math.nextDown(2.0))).isEqualTo(2.0 / 6);
    theta[0] = 100; // copied
    assertThat(d.atom(d.size() - 1)).isEqualTo(7);
  }

  @Test
  void ofLogitsIsTheSoftmaxAndStableForLargeLogits() {
    double[] z = {-2, 0, 2, 4};
    Categorical c = Categorical.ofLogits(z, new double[] {1, 2, 3, 4});
    double s = Math.exp(1) + Math.exp(2) + Math.exp(3) + Math.exp(4);
    for (int k = 0; k < 4; k++) {
      assertThat(c.probability(k)).isCloseTo(Math.exp(k + 1) / s, within(1e-15));
    }
    Categorical huge = Categorical.ofLogits(z, new double[] {1000, 1001, 1002, 1003});
    for (int k = 0; k < 4; k++) {
      assertThat(huge.probability(k)).isCloseTo(c.probability(k), within(1e-15));
    }
    assertThat(new Categorical(new double[] {2, 1}, new double[] {0.25, 0.75}).support()).containsExactly(1, 2);
    assertThat(new Categorical(new double[] {2, 1}, new double[] {0.25, 0.75}).probabilities())
        .containsExactly(0.75, 0.25);
  }

  @Test
  void discreteDistributionsHaveNoDensityAndSaySoInOneLine() {
    List<DiscreteDistribution> all = List.of(new Categorical(new double[] {0, 1}, new double[] {0.5, 0.5}),
        new QuantileAtoms(new double[] {0, 1}));
    for (DiscreteDistribution d : all) {
      assertThat(d.continuous()).isFalse();
      for (Runnable r : new Runnable[] {() -> d.density(0), () -> d.logDensity(0), d::entropy}) {
        assertThatThrownBy(r::run).isInstanceOf(UnsupportedOperationException.class)
            .satisfies(e -> assertThat(e.getMessage()).contains(d.getClass().getSimpleName()).doesNotContain("\n"));
      }
    }
    assertThat(new Gumbel(0, 0).continuous()).isTrue();
  }

  @Test
  void invalidArgumentsFailWithOneLine() {
    Categorical c = new Categorical(new double[] {0, 1}, new double[] {0.5, 0.5});
    QuantileAtoms q = new QuantileAtoms(new double[] {0, 1});
    Runnable[] bad = {
        () -> new Categorical(new double[0], new double[0]),
        () -> new Categorical(null, new double[] {1}),
        () -> new Categorical(new double[] {0, 1}, new double[] {1}),
        () -> new Categorical(new double[] {0, 1}, null),
        () -> new Categorical(new double[] {0, Double.NaN}, new double[] {0.5, 0.5}),
        () -> new Categorical(new double[] {0, 1}, new double[] {-0.5, 1.5}),
        () -> new Categorical(new double[] {0, 1}, new double[] {0.5, Double.NaN}),
        () -> new Categorical(new double[] {0, 1}, new double[] {0.5, 0.6}),
        () -> new Categorical(new double[] {0, 1}, new double[] {0, 0}),
        () -> Categorical.ofLogits(new double[] {0, 1}, new double[] {0, Double.POSITIVE_INFINITY}),
        () -> Categorical.ofLogits(new double[] {0, 1}, new double[] {0}),
        () -> c.quantile(0),
        () -> c.quantile(1.5),
        () -> c.quantile(Double.NaN),
        () -> c.crps(Double.NaN),
        () -> new QuantileAtoms(new double[0]),
        () -> new QuantileAtoms(null),
        () -> new QuantileAtoms(new double[] {1, Double.NEGATIVE_INFINITY}),
        () -> q.quantile(0),
        () -> q.quantile(-1),
        () -> q.crps(Double.POSITIVE_INFINITY)};
    for (Runnable r : bad) {
      assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains("expected")
              .containsAnyOf("Categorical", "QuantileAtoms"));
    }
  }
}
