package org.qprob.api.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Gumbel's closed forms against Monte-Carlo draws and numerical integration. */
class GumbelTest {
  private static final double EULER = 0.57721566490153286061;

  static Stream<Named<Gumbel>> gumbels() {
    return Stream.of(
        Named.of("standard", new Gumbel(0, 0)),
        Named.of("mu 3, nu -1", new Gumbel(3, -1)),
        Named.of("mu -7.5, nu 1.2", new Gumbel(-7.5, 1.2)),
        Named.of("mu 1e3, nu -4", new Gumbel(1e3, -4)),
        Named.of("mu -0.4, nu 3", new Gumbel(-0.4, 3)));
  }

  // ---------- Monte Carlo ----------

  @ParameterizedTest
  @MethodSource("gumbels")
  void sampleMeanAndVarianceMatchTheClosedForms(Gumbel g) {
    SplittableRandom random = new SplittableRandom(42);
    int n = 400_000;
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < n; i++) {
      double x = g.sample(random) - g.mu(); // centred for precision
      sum += x;
      sumSq += x * x;
    }
    double mean = sum / n;
    double variance = (sumSq - n * mean * mean) / (n - 1);
    double beta = Math.exp(g.nu());
    assertThat(g.mean()).isCloseTo(g.mu() + EULER * beta, within(1e-12 * Math.max(1, Math.abs(g.mean()))));
    assertThat(g.variance()).isCloseTo(Math.PI * Math.PI * beta * beta / 6, within(1e-12 * g.variance()));
    // five standard errors; the Gumbel's excess kurtosis is 12/5
    assertThat(mean + g.mu()).isCloseTo(g.mean(), within(5 * Math.sqrt(g.variance() / n)));
    assertThat(variance).isCloseTo(g.variance(), within(5 * g.variance() * Math.sqrt((2.4 + 2) / n)));
  }

  @Test
  void theMaximumOfDrawsFollowsTheClosedFormMax() {
    double[] mus = {0.3, -1.2, 2.0, 1.9, -0.5};
    double nu = 0.4;
    Gumbel[] parts = Arrays.stream(mus).mapToObj(m -> new Gumbel(m, nu)).toArray(Gumbel[]::new);
    SplittableRandom random = new SplittableRandom(7);
    int n = 20_000;
    double[] maxima = new double[n];
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (Gumbel part : parts) {
        max = Math.max(max, part.sample(random));
      }
      maxima[i] = max;
    }
    Gumbel closedForm = Gumbel.max(mus, nu);
    double critical = 1.95 / Math.sqrt(n); // Kolmogorov-Smirnov at level 0.001
    assertThat(ksStatistic(maxima, closedForm::cdf)).isLessThan(critical);
    // the test has power: a max shifted by a tenth of a scale, or scaled by 10%, is rejected
    Gumbel shifted = new Gumbel(closedForm.mu() + 0.1 * closedForm.beta(), nu);
    Gumbel wider = new Gumbel(closedForm.mu(), nu + Math.log(1.1));
    assertThat(ksStatistic(maxima, shifted::cdf)).isGreaterThan(critical);
    assertThat(ksStatistic(maxima, wider::cdf)).isGreaterThan(critical);
    // and its quantiles
    Arrays.sort(maxima);
    for (double p : new double[] {0.05, 0.25, 0.5, 0.75, 0.95}) {
      assertThat(maxima[(int) (p * n)]).isCloseTo(closedForm.quantile(p), within(0.05 * closedForm.beta()));
    }
  }

  @Test
  void affineDrawsFollowTheClosedFormAffine() {
    Gumbel x = new Gumbel(1.5, -0.3);
    double r = -2.0;
    double gamma = 0.9;
    SplittableRandom random = new SplittableRandom(8);
    int n = 20_000;
    double[] draws = new double[n];
    for (int i = 0; i < n; i++) {
      draws[i] = r + gamma * x.sample(random);
    }
    Gumbel closedForm = x.affine(r, gamma);
    assertThat(closedForm.mu()).isCloseTo(r + gamma * x.mu(), within(1e-15));
    assertThat(closedForm.nu()).isCloseTo(x.nu() + Math.log(gamma), within(1e-15));
    assertThat(ksStatistic(draws, closedForm::cdf)).isLessThan(1.95 / Math.sqrt(n));
  }

  private static double ksStatistic(double[] draws, DoubleUnaryOperator cdf) {
    double[] sorted = draws.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double d = 0;
    for (int i = 0; i < n; i++) {
      double f = cdf.applyAsDouble(sorted[i]);
      d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
    }
    return d;
  }

  // ---------- KL ----------

  @Test
  void klIsPositiveForDistinctPairsAndZeroForEqualOnes() {
    SplittableRandom random = new SplittableRandom(3);
    for (int k = 0; k < 20_000; k++) {
      Gumbel p = new Gumbel(random.nextDouble(-50, 50), random.nextDouble(-5, 5));
      Gumbel q = new Gumbel(p.mu() + random.nextDouble(-3, 3) * p.beta(), p.nu() + random.nextDouble(-3, 3));
      assertThat(p.kl(q)).as("KL(%s || %s)", p, q).isGreaterThan(0);
      assertThat(p.kl(p)).as("KL(%s || itself)", p).isCloseTo(0, within(1e-15));
    }
    // small perturbations of one parameter still give a positive KL, of second order
    Gumbel p = new Gumbel(0.7, 0.2);
    for (double eps : new double[] {1e-2, 1e-3, 1e-4}) {
      double klMu = p.kl(new Gumbel(p.mu() + eps * p.beta(), p.nu()));
      double klNu = p.kl(new Gumbel(p.mu(), p.nu() + eps));
      assertThat(klMu).isGreaterThan(0).isCloseTo(eps * eps / 2, within(eps * eps * 0.05)); // Fisher info 1/beta^2
      assertThat(klNu).isGreaterThan(0);
    }
  }

  @Test
  void klMatchesNumericalIntegration() {
    SplittableRandom random = new SplittableRandom(4);
    for (int k = 0; k < 40; k++) {
      Gumbel p = new Gumbel(random.nextDouble(-3, 3), random.nextDouble(-1, 1));
      Gumbel q = new Gumbel(random.nextDouble(-3, 3), random.nextDouble(-1, 1));
      double numeric = integrate(p, x -> p.density(x) * (p.logDensity(x) - q.logDensity(x)));
      assertThat(p.kl(q)).as("KL(%s || %s)", p, q).isCloseTo(numeric, within(1e-8 * Math.max(1, numeric)));
    }
  }

  // ---------- density, cdf, quantile, entropy ----------

  @ParameterizedTest
  @MethodSource("gumbels")
  void densityIntegratesToOneWithTheClosedFormMomentsAndEntropy(Gumbel g) {
    assertThat(integrate(g, g::density)).isCloseTo(1, within(1e-10));
    assertThat(integrate(g, x -> (x - g.mu()) * g.density(x)) + g.mu())
        .isCloseTo(g.mean(), within(1e-9 * Math.max(1, Math.abs(g.mean()))));
    assertThat(integrate(g, x -> (x - g.mean()) * (x - g.mean()) * g.density(x)))
        .isCloseTo(g.variance(), within(1e-9 * g.variance()));
    assertThat(integrate(g, x -> -g.density(x) * g.logDensity(x)))
        .isCloseTo(g.entropy(), within(1e-9 * Math.max(1, Math.abs(g.entropy()))));
    assertThat(g.entropy()).isCloseTo(g.nu() + EULER + 1, within(1e-15 * Math.max(1, Math.abs(g.entropy()))));
  }

  @ParameterizedTest
  @MethodSource("gumbels")
  void cdfAndQuantileAreInverseAndTheCdfDifferentiatesToTheDensity(Gumbel g) {
    SplittableRandom random = new SplittableRandom(5);
    for (int k = 0; k < 1000; k++) {
      double p = random.nextDouble(1e-9, 1 - 1e-9);
      double x = g.quantile(p);
      // x is rounded to a double: allow for that rounding times the slope of the cdf
      assertThat(g.cdf(x)).isCloseTo(p, within(1e-12 + 4 * g.density(x) * Math.ulp(x)));
      double y = g.mu() + g.beta() * random.nextDouble(-2, 10);
      assertThat(g.quantile(g.cdf(y))).isCloseTo(y, within(1e-8 * g.beta() * Math.max(1, Math.abs(y - g.mu()) / g.beta())));
      double h = 1e-5 * g.beta();
      double above = y + h;
      double below = y - h;
      double slope = (g.cdf(above) - g.cdf(below)) / (above - below); // the spacing as represented
      assertThat(slope).isCloseTo(g.density(y), within(1e-7 * Math.max(g.density(y), 1e-3 / g.beta())));
      assertThat(Math.log(g.density(y))).isCloseTo(g.logDensity(y), within(1e-12 * Math.max(1, Math.abs(g.logDensity(y)))));
    }
    assertThat(g.quantile(Math.exp(-1))).isCloseTo(g.mu(), within(1e-12 * Math.max(1, Math.abs(g.mu()))));
  }

  /** Simpson's rule over z = (x - mu) / beta in [-6, 60], where the tails hold less than 1e-25 of the mass. */
  private static double integrate(Gumbel g, DoubleUnaryOperator f) {
    int n = 60_000;
    double lo = g.mu() - 6 * g.beta();
    double hi = g.mu() + 60 * g.beta();
    double h = (hi - lo) / n;
    double s = f.applyAsDouble(lo) + f.applyAsDouble(hi);
    for (int i = 1; i < n; i++) {
      s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(lo + i * h);
    }
    return s * h / 3;
  }

  // ---------- max and affine ----------

  @Test
  void maxIsStableAndExactInSimpleCases() {
    assertThat(Gumbel.max(new double[] {2.5}, 0.3)).isEqualTo(new Gumbel(2.5, 0.3));
    assertThat(Gumbel.max(new double[] {1, 1}, 0).mu()).isCloseTo(1 + Math.log(2), within(1e-15));
    assertThat(Gumbel.max(new double[] {1, 1, 1, 1}, Math.log(3)).mu()).isCloseTo(1 + 3 * Math.log(4), within(1e-14));
    double beta = Math.exp(-4);
    Gumbel far = Gumbel.max(new double[] {0, 1e3 * beta, -1e3 * beta, 1e3 * beta - 1e3}, -4);
    assertThat(far.mu()).isCloseTo(1e3 * beta, within(1e-15));
    Gumbel huge = Gumbel.max(new double[] {1e6, -1e6}, 8);
    assertThat(huge.mu()).isFinite().isCloseTo(Math.exp(8) * Math.log(Math.exp(1e6 / Math.exp(8)) + Math.exp(-1e6 / Math.exp(8))),
        within(1e-6));
    Gumbel x = new Gumbel(0.25, -0.5);
    assertThat(x.affine(0, 1)).isEqualTo(x);
    assertThat(Gumbel.ofScale(3, 2)).isEqualTo(new Gumbel(3, Math.log(2)));
  }

  @Test
  void invalidParametersFailWithOneLine() {
    Gumbel g = new Gumbel(0, 0);
    Runnable[] bad = {
        () -> new Gumbel(Double.NaN, 0),
        () -> new Gumbel(Double.POSITIVE_INFINITY, 0),
        () -> new Gumbel(0, Double.NaN),
        () -> new Gumbel(0, Double.NEGATIVE_INFINITY),
        () -> new Gumbel(0, 800),
        () -> g.quantile(0),
        () -> g.quantile(1),
        () -> g.quantile(Double.NaN),
        () -> g.affine(0, 0),
        () -> g.affine(0, -1),
        () -> g.affine(Double.NaN, 0.5),
        () -> Gumbel.max(new double[0], 0),
        () -> Gumbel.max(new double[] {1, Double.NaN}, 0),
        () -> Gumbel.ofScale(0, -1)};
    for (Runnable r : bad) {
      assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).contains("Gumbel").doesNotContain("\n"));
    }
  }
}
