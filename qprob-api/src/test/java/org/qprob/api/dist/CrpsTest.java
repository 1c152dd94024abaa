package org.qprob.api.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * The closed forms of {@link Distribution#crps} against numerical integration of its definition
 * {@code integral (F(x) - 1{x >= y})^2 dx} and against {@code E|X - y| - E|X - X'| / 2} summed pair by pair, on random
 * cases of every kind; and the default quadrature against the Gumbel's and the normal's closed forms.
 */
class CrpsTest {
  // ---------- Gumbel ----------

  @Test
  void gumbelClosedFormMatchesIntegrationOfTheDefinition() {
    SplittableRandom random = new SplittableRandom(17);
    for (int c = 0; c < 200; c++) {
      Gumbel g = new Gumbel(random.nextDouble(-50, 50), random.nextDouble(-3, 3));
      // y from far below the mode (F(y) underflows) to far above (1 - F(y) ~ 1e-30)
      double y = g.mu() + g.beta() * (c < 10 ? -40 + 10 * c : random.nextDouble(-8, 30));
      double numeric = integrateDefinition(g::cdf, y, g.mu() - 8 * g.beta(), g.mu() + 80 * g.beta());
      assertThat(g.crps(y)).as("CRPS(%s, %s)", g, y).isCloseTo(numeric, within(1e-9 * Math.max(1, numeric)));
    }
  }

  @Test
  void gumbelClosedFormIsSmoothAcrossItsTwoBranchesAndExactInTheTails() {
    Gumbel g = new Gumbel(1.5, 0.4);
    double below = g.crps(Math.nextDown(g.mu()));
    double at = g.crps(g.mu());
    assertThat(below).isCloseTo(at, within(1e-14 * at));
    // far above the mode CRPS -> y - E[X] - beta log 2 (the series tail vanishes); far below -> E[X] - y - beta log 2
    double far = 1e4;
    assertThat(g.crps(g.mu() + far * g.beta()))
        .isCloseTo(far * g.beta() + g.mu() - g.mean() - g.beta() * Math.log(2), within(1e-12 * far * g.beta()));
    assertThat(g.crps(g.mu() - far * g.beta()))
        .isCloseTo(g.mean() - g.mu() + far * g.beta() - g.beta() * Math.log(2), within(1e-12 * far * g.beta()));
    // scale equivariance: CRPS(a + bX, a + by) = b CRPS(X, y)
    Gumbel standard = new Gumbel(0, 0);
    for (double z : new double[] {-3, -0.5, 0, 0.7, 4}) {
      assertThat(g.crps(g.mu() + g.beta() * z)).isCloseTo(g.beta() * standard.crps(z), within(1e-13));
    }
  }

  @Test
  void exponentialIntegralMatchesKnownValuesAndItsIntegral() {
    // E1 at 1 and 2 (Abramowitz & Stegun, table 5.1)
    assertThat(ExponentialIntegral.e1(1)).isCloseTo(0.219383934395520, within(1e-15));
    assertThat(ExponentialIntegral.e1(2)).isCloseTo(0.048900510708061, within(1e-15));
    SplittableRandom random = new SplittableRandom(3);
    for (int c = 0; c < 50; c++) {
      double x = Math.exp(random.nextDouble(-8, 5));
      // E1(x) = integral_0^1 exp(-x/u) / u du  (t = x/u); smooth on (0, 1], the integrand vanishing at 0
      double numeric = simpson(u -> u == 0 ? 0 : Math.exp(-x / u) / u, 0, 1, 200_000);
      if (x < 0.05) { // the integrand is steep near 0 there: check E1(x) + log x by the series definition instead
        double series = 0;
        double term = 1;
        for (int k = 1; k < 30; k++) {
          term *= -x / k;
          series -= term / k;
        }
        assertThat(ExponentialIntegral.e1(x)).isCloseTo(-Gumbel.EULER_GAMMA - Math.log(x) + series, within(1e-14));
      } else {
        assertThat(ExponentialIntegral.e1(x)).as("E1(%s)", x).isCloseTo(numeric, within(1e-10 * numeric));
      }
    }
    assertThat(ExponentialIntegral.e1(800)).isZero();
  }

  // ---------- discrete ----------

  @Test
  void discreteClosedFormsMatchPairwiseSumsAndIntegrationOfTheDefinition() {
    SplittableRandom random = new SplittableRandom(23);
    for (int c = 0; c < 100; c++) {
      int n = 1 + random.nextInt(40);
      double[] values = new double[n];
      double[] p = new double[n];
      double total = 0;
      for (int k = 0; k < n; k++) {
        values[k] = k > 0 && random.nextInt(6) == 0 ? values[random.nextInt(k)] : random.nextDouble(-30, 30);
        p[k] = random.nextInt(5) == 0 ? 0 : random.nextDouble();
        total += p[k];
      }
      if (total == 0) {
        p[0] = total = 1;
      }
      for (int k = 0; k < n; k++) {
        p[k] /= total;
      }
      double[] equal = new double[n];
      Arrays.fill(equal, 1.0 / n);
      double y = c % 10 == 0 ? values[random.nextInt(n)] : random.nextDouble(-40, 40); // sometimes exactly on an atom
      DiscreteDistribution[] both = {new Categorical(values, p), new QuantileAtoms(values)};
      for (DiscreteDistribution d : both) {
        double[] w = d instanceof QuantileAtoms ? equal : p;
        double absolute = 0;
        double pairs = 0;
        for (int i = 0; i < n; i++) {
          absolute += w[i] * Math.abs(values[i] - y);
          for (int j = 0; j < n; j++) {
            pairs += w[i] * w[j] * Math.abs(values[i] - values[j]);
          }
        }
        double energy = absolute - pairs / 2;
        double crps = d.crps(y);
        assertThat(crps).as("CRPS(%s, %s) vs E|X-y| - E|X-X'|/2", d, y)
            .isCloseTo(energy, within(1e-11 * Math.max(1, absolute)));
        assertThat(crps).isGreaterThanOrEqualTo(0);
        double lo = Math.min(y, d.atom(0)) - 1;
        double hi = Math.max(y, d.atom(n - 1)) + 1;
        // a step function: the midpoint rule errs by at most (jumps + 1) * cell width
        int cells = 200_000;
        double numeric = midpoint(x -> square(d.cdf(x) - (x >= y ? 1 : 0)), lo, hi, cells);
        assertThat(crps).as("CRPS(%s, %s) vs its integral", d, y)
            .isCloseTo(numeric, within((n + 2) * (hi - lo) / cells));
      }
    }
  }

  @Test
  void quantileAtomsAtTheMidpointsApproachTheContinuousScore() {
    Gumbel g = new Gumbel(2, 0.5);
    int n = 2000;
    double[] theta = new double[n];
    for (int k = 0; k < n; k++) {
      theta[k] = g.quantile((2 * k + 1) / (2.0 * n));
    }
    QuantileAtoms atoms = new QuantileAtoms(theta);
    for (double y : new double[] {-3, 1, 2.5, 6, 15}) {
      // the discretisation error is O(1/n) in units of beta
      assertThat(atoms.crps(y)).isCloseTo(g.crps(y), within(5.0 * g.beta() / n));
    }
  }

  @Test
  void aPointMassScoresTheDistanceAndASureHitScoresZero() {
    QuantileAtoms point = new QuantileAtoms(new double[] {3});
    assertThat(point.crps(3)).isZero();
    assertThat(point.crps(-1.5)).isEqualTo(4.5);
    Categorical two = new Categorical(new double[] {0, 1}, new double[] {0.5, 0.5});
    // integral_0^1 (1/2)^2 = 1/4 wherever y falls in [0, 1]
    assertThat(two.crps(0.3)).isCloseTo(0.25, within(1e-16));
    assertThat(two.crps(2)).isCloseTo(0.25 + 1, within(1e-15));
  }

  // ---------- the default quadrature ----------

  @Test
  void theDefaultQuadratureMatchesTheGumbelClosedForm() {
    SplittableRandom random = new SplittableRandom(29);
    for (int c = 0; c < 100; c++) {
      Gumbel g = new Gumbel(random.nextDouble(-50, 50), random.nextDouble(-3, 3));
      double y = g.mu() + g.beta() * random.nextDouble(-6, 25);
      Distribution plain = withoutClosedForm(g);
      assertThat(plain.crps(y)).as("quadrature CRPS(%s, %s)", g, y)
          .isCloseTo(g.crps(y), within(1e-10 * Math.max(1, g.crps(y))));
    }
  }

  @Test
  void theDefaultQuadratureMatchesTheNormalClosedForm() {
    SplittableRandom random = new SplittableRandom(31);
    for (int c = 0; c < 100; c++) {
      double mean = random.nextDouble(-20, 20);
      double sd = Math.exp(random.nextDouble(-3, 3));
      double y = mean + sd * random.nextDouble(-12, 12);
      NormalDistribution n = new NormalDistribution(null, mean, sd);
      Distribution normal = new Distribution() {
        @Override public double density(double x) {
          return n.density(x);
        }
        @Override public double logDensity(double x) {
          return n.logDensity(x);
        }
        @Override public double cdf(double x) {
          return n.cumulativeProbability(x);
        }
        @Override public double quantile(double p) {
          return n.inverseCumulativeProbability(p);
        }
        @Override public double sample(RandomGenerator r) {
          return mean + sd * r.nextGaussian();
        }
        @Override public double mean() {
          return mean;
        }
        @Override public double variance() {
          return sd * sd;
        }
        @Override public double entropy() {
          return n.getNumericalVariance();
        }
      };
      // Gneiting & Raftery (2007): sd * (z (2 Phi(z) - 1) + 2 phi(z) - 1 / sqrt(pi)), z = (y - mean) / sd
      double z = (y - mean) / sd;
      NormalDistribution standard = new NormalDistribution(null, 0, 1);
      double closed = sd * (z * (2 * standard.cumulativeProbability(z) - 1) + 2 * standard.density(z)
          - 1 / Math.sqrt(Math.PI));
      assertThat(normal.crps(y)).as("quadrature CRPS(N(%s, %s^2), %s)", mean, sd, y)
          .isCloseTo(closed, within(1e-9 * Math.max(1, closed)));
    }
  }

  @Test
  void crpsOfANonFiniteObservationFailsWithOneLine() {
    for (Distribution d : new Distribution[] {new Gumbel(0, 0), withoutClosedForm(new Gumbel(0, 0))}) {
      for (double y : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
        assertThatThrownBy(() -> d.crps(y)).isInstanceOf(IllegalArgumentException.class)
            .satisfies(e -> assertThat(e.getMessage()).contains("crps", "expected a finite number")
                .doesNotContain("\n"));
      }
    }
  }

  // ---------- helpers ----------

  /** The Gumbel seen through the interface alone, so {@link Distribution#crps} is the default quadrature. */
  private static Distribution withoutClosedForm(Gumbel g) {
    return new Distribution() {
      @Override public double density(double x) {
        return g.density(x);
      }
      @Override public double logDensity(double x) {
        return g.logDensity(x);
      }
      @Override public double cdf(double x) {
        return g.cdf(x);
      }
      @Override public double quantile(double p) {
        return g.quantile(p);
      }
      @Override public double sample(RandomGenerator random) {
        return g.sample(random);
      }
      @Override public double mean() {
        return g.mean();
      }
      @Override public double variance() {
        return g.variance();
      }
      @Override public double entropy() {
        return g.entropy();
      }
    };
  }

  /**
   * {@code integral (F(x) - 1{x >= y})^2 dx} by Simpson's rule on {@code [lo, hi]} split at {@code y} (where the
   * integrand jumps), plus the half-line outside {@code [lo, hi]} on which the integrand is 1 (the tails of
   * {@code F} beyond {@code [lo, hi]} must be negligible).
   */
  private static double integrateDefinition(DoubleUnaryOperator cdf, double y, double lo, double hi) {
    double sum = 0;
    double left = Math.min(lo, y);
    double right = Math.max(hi, y);
    if (y > left) {
      sum += simpson(x -> square(cdf.applyAsDouble(x)), left, y, 400_000);
    }
    if (right > y) {
      sum += simpson(x -> square(1 - cdf.applyAsDouble(x)), y, right, 400_000);
    }
    return sum;
  }

  private static double simpson(DoubleUnaryOperator f, double lo, double hi, int n) {
    double h = (hi - lo) / n;
    double s = f.applyAsDouble(lo) + f.applyAsDouble(hi);
    for (int i = 1; i < n; i++) {
      s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(lo + i * h);
    }
    return s * h / 3;
  }

  private static double midpoint(DoubleUnaryOperator f, double lo, double hi, int n) {
    double h = (hi - lo) / n;
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += f.applyAsDouble(lo + (i + 0.5) * h);
    }
    return s * h;
  }

  private static double square(double x) {
    return x * x;
  }
}
