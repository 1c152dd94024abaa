package org.qprob.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analytic gradients of {@link CategoricalCrossEntropy} and {@link QuantileHuber}, into the prediction and into
 * the target, against central finite differences on seeded random cases: returns outside the support, gamma = 1,
 * terminal rows, returns exactly on an atom, supports whose last position rounds past the last atom; for the quantile
 * Huber several kappas (0 included), with draws kept away from the kinks, which are checked one-sidedly apart.
 */
class DistributionalGradientCheckTest {
  // ---------- categorical ----------

  record CategoricalCase(CategoricalCrossEntropy loss, double[] logits, double[] nextLogits, double reward,
      double discount) {}

  static Stream<Named<CategoricalCase>> categoricalCases() {
    SplittableRandom random = new SplittableRandom(151);
    List<Named<CategoricalCase>> out = new ArrayList<>();
    for (int k = 0; k < 120; k++) {
      int atoms = 2 + random.nextInt(52);
      double vMin = random.nextDouble(-100, 20);
      double vMax = vMin + Math.exp(random.nextDouble(-1, 5));
      if (k % 10 == 9) { // a support where (v_max - v_min) / dz rounds past atoms - 1
        do {
          atoms = 2 + random.nextInt(200);
          vMin = random.nextDouble(-100, 100);
          vMax = vMin + random.nextDouble(0.01, 500);
        } while ((vMax - vMin) / ((vMax - vMin) / (atoms - 1)) <= atoms - 1);
      }
      CategoricalCrossEntropy loss = new CategoricalCrossEntropy(atoms, vMin, vMax);
      double dz = loss.projection().spacing();
      double discount = switch (k % 4) {
        case 0 -> 0; // terminal
        case 1 -> 1; // gamma = 1
        default -> random.nextDouble(0.5, 1);
      };
      double reward = switch (k % 5) {
        case 0 -> vMax + random.nextDouble(0, 50); // every Tz_j above the support when discount is 0
        case 1 -> vMin - random.nextDouble(0, 50);
        case 2 -> random.nextInt(-2, 3) * dz; // Tz_j on atoms when discount is 1
        case 3 -> k % 10 == 9 ? vMax : vMin + random.nextInt(atoms) * dz; // on an atom, or at the rounding edge
        default -> random.nextDouble(vMin, vMax);
      };
      double scale = k % 7 == 0 ? 10 : 2; // some peaked predictions
      double[] logits = new double[atoms];
      double[] nextLogits = new double[atoms];
      for (int i = 0; i < atoms; i++) {
        logits[i] = scale * random.nextDouble(-1, 1);
        nextLogits[i] = scale * random.nextDouble(-1, 1);
      }
      out.add(Named.of("#" + k + " atoms=" + atoms + " r=" + reward + " d=" + discount,
          new CategoricalCase(loss, logits, nextLogits, reward, discount)));
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("categoricalCases")
  void categoricalGradientsIntoLogitsAndNextLogits(CategoricalCase c) {
    CategoricalCrossEntropy loss = c.loss();
    int atoms = loss.atoms();
    double[] dLogits = new double[atoms];
    double[] dNext = new double[atoms];
    double value = loss.valueAndGradient(c.logits(), 0, c.nextLogits(), 0, c.reward(), c.discount(), dLogits, 0, dNext,
        0);
    assertThat(value).isEqualTo(loss.value(c.logits(), c.nextLogits(), c.reward(), c.discount()));
    double h = 1e-4;
    for (int i = 0; i < atoms; i++) {
      int at = i;
      DoubleUnaryOperator f = x -> loss.value(with(c.logits(), at, x), c.nextLogits(), c.reward(), c.discount());
      FiniteDifference.check("dL/dlogits[" + i + "]", dLogits[i], f, c.logits()[i], h);
      DoubleUnaryOperator g = x -> loss.value(c.logits(), with(c.nextLogits(), at, x), c.reward(), c.discount());
      FiniteDifference.check("dL/dnext_logits[" + i + "]", dNext[i], g, c.nextLogits()[i], h);
    }
    if (c.discount() == 0) {
      assertThat(dNext).containsOnly(0.0);
    }
    // the logits' gradient sums to 0: softmax - m, with m of mass 1
    assertThat(Arrays.stream(dLogits).sum()).isCloseTo(0, within(1e-12));
  }

  @Test
  void aTerminalRowReadsNeitherTheNextLogitsNorPassesThemAGradient() {
    CategoricalCrossEntropy loss = new CategoricalCrossEntropy(11, -5, 5);
    double[] logits = {0.1, -0.3, 2, 0.4, -1, 0, 0.2, 0.9, -0.5, 1.5, 0.3};
    double[] garbage = new double[11];
    Arrays.fill(garbage, Double.NaN);
    double[] dNext = new double[11];
    double value = loss.valueAndGradient(logits, 0, garbage, 0, 1.5, 0, new double[11], 0, dNext, 0);
    assertThat(value).isFinite();
    assertThat(dNext).containsOnly(0.0);
    QuantileHuber qr = new QuantileHuber(3, 1);
    double[] dNextTheta = {7, 7};
    double v = qr.valueAndGradient(new double[] {0, 1, 2}, 0, new double[] {Double.NaN, Double.NaN}, 0, 2, 1.5, 0,
        new double[3], 0, dNextTheta, 0);
    assertThat(v).isFinite();
    assertThat(dNextTheta).containsOnly(0.0);
  }

  // ---------- quantile Huber ----------

  record QuantileCase(QuantileHuber loss, double[] theta, double[] nextTheta, double reward, double discount) {}

  /** How far every {@code u_ij} is kept from 0 and from {@code +-kappa}. */
  private static final double KINK_MARGIN = 1e-3;

  static Stream<Named<QuantileCase>> quantileCases() {
    SplittableRandom random = new SplittableRandom(152);
    List<Named<QuantileCase>> out = new ArrayList<>();
    for (int k = 0; k < 160; k++) {
      int n = 1 + random.nextInt(25);
      int m = 1 + random.nextInt(25);
      double kappa = switch (k % 4) {
        case 0 -> 0; // the pure quantile loss
        case 1 -> 1;
        default -> Math.exp(random.nextDouble(-2, 2.5));
      };
      double discount = switch (k % 3) {
        case 0 -> 0;
        case 1 -> 1;
        default -> random.nextDouble(0.5, 1);
      };
      double spread = Math.exp(random.nextDouble(-1, 3));
      double reward = random.nextDouble(-20, 20);
      QuantileHuber loss = new QuantileHuber(n, kappa);
      double[] theta = new double[n];
      double[] nextTheta = new double[m];
      do {
        for (int i = 0; i < n; i++) {
          theta[i] = reward + spread * random.nextDouble(-3, 3);
        }
        for (int j = 0; j < m; j++) {
          nextTheta[j] = spread * random.nextDouble(-3, 3);
        }
      } while (nearAKink(theta, nextTheta, reward, discount, kappa));
      out.add(Named.of("#" + k + " N=" + n + " M=" + m + " kappa=" + kappa + " d=" + discount,
          new QuantileCase(loss, theta, nextTheta, reward, discount)));
    }
    return out.stream();
  }

  private static boolean nearAKink(double[] theta, double[] next, double reward, double discount, double kappa) {
    for (double t : theta) {
      for (double x : next) {
        double u = Math.abs(reward + discount * x - t);
        if (u < KINK_MARGIN || Math.abs(u - kappa) < KINK_MARGIN) {
          return true;
        }
      }
    }
    return false;
  }

  @ParameterizedTest
  @MethodSource("quantileCases")
  void quantileHuberGradientsIntoThetaAndNextTheta(QuantileCase c) {
    QuantileHuber loss = c.loss();
    int n = c.theta().length;
    int m = c.nextTheta().length;
    double[] dTheta = new double[n];
    double[] dNext = new double[m];
    double value = loss.valueAndGradient(c.theta(), 0, c.nextTheta(), 0, m, c.reward(), c.discount(), dTheta, 0, dNext,
        0);
    assertThat(value).isEqualTo(loss.value(c.theta(), c.nextTheta(), c.reward(), c.discount()))
        .isGreaterThanOrEqualTo(0);
    double h = 1e-5;
    for (int i = 0; i < n; i++) {
      int at = i;
      DoubleUnaryOperator f = x -> loss.value(with(c.theta(), at, x), c.nextTheta(), c.reward(), c.discount());
      FiniteDifference.check("dL/dtheta[" + i + "]", dTheta[i], f, c.theta()[i], h);
    }
    for (int j = 0; j < m; j++) {
      int at = j;
      DoubleUnaryOperator g = x -> loss.value(c.theta(), with(c.nextTheta(), at, x), c.reward(), c.discount());
      FiniteDifference.check("dL/dnext_theta[" + j + "]", dNext[j], g, c.nextTheta()[j], h);
    }
    if (c.discount() == 0) {
      assertThat(dNext).containsOnly(0.0);
    }
  }

  @Test
  void atTheKinksTheGradientIsContinuousAndAtUZeroOfThePureQuantileLossItIsZero() {
    double h = 1e-7;
    for (double kappa : new double[] {0.5, 1, 3}) {
      QuantileHuber loss = new QuantileHuber(4, kappa);
      for (int i = 0; i < 4; i++) {
        double tau = loss.tau(i);
        for (double u : new double[] {0, kappa, -kappa}) {
          // rho is C1 at u = 0 and u = +-kappa: both one-sided slopes equal the analytic derivative
          double right = (loss.value(tau, u + h) - loss.value(tau, u)) / h;
          double left = (loss.value(tau, u) - loss.value(tau, u - h)) / h;
          assertThat(loss.derivative(tau, u)).as("rho'(%s) at kappa %s, tau %s", u, kappa, tau)
              .isCloseTo(right, within(1e-6)).isCloseTo(left, within(1e-6));
        }
      }
      // the whole loss with u_00 exactly 0 and u_01 exactly kappa
      double[] theta = {1.25, -0.5};
      double[] next = {1.25, 1.25 + kappa};
      // u = next - theta[0] takes the values 0 and kappa exactly; check both one-sided differences of L
      for (int i = 0; i < 2; i++) {
        int at = i;
        DoubleUnaryOperator f = x -> new QuantileHuber(2, kappa).value(with(theta, at, x), next, 0, 1);
        double right = (f.applyAsDouble(theta[i] + h) - f.applyAsDouble(theta[i])) / h;
        double left = (f.applyAsDouble(theta[i]) - f.applyAsDouble(theta[i] - h)) / h;
        QuantileHuber two = new QuantileHuber(2, kappa);
        double[] g = new double[2];
        two.valueAndGradient(theta, 0, next, 0, 2, 0, 1, g, 0, null, 0);
        assertThat(g[i]).isCloseTo(right, within(1e-6)).isCloseTo(left, within(1e-6));
      }
    }
    // kappa = 0: |tau - 1{u < 0}| |u| has a corner at 0; the subgradient used there is 0, inside [tau - 1, tau]
    QuantileHuber pinball = new QuantileHuber(4, 0);
    for (int i = 0; i < 4; i++) {
      double tau = pinball.tau(i);
      assertThat(pinball.derivative(tau, 0)).isZero();
      assertThat(pinball.derivative(tau, 1e-300)).isEqualTo(tau);
      assertThat(pinball.derivative(tau, -1e-300)).isEqualTo(tau - 1);
      assertThat(pinball.value(tau, -2)).isCloseTo(2 * (1 - tau), within(1e-15));
      assertThat(pinball.value(tau, 3)).isCloseTo(3 * tau, within(1e-15));
    }
    // and it is the limit of small kappas
    QuantileHuber small = new QuantileHuber(4, 1e-9);
    assertThat(small.value(0.375, 2.5)).isCloseTo(pinball.value(0.375, 2.5), within(1e-9));
  }

  @Test
  void optionsPrintAndValidateInOneLine() {
    assertThat(new QuantileHuber(200, 1).toString()).isEqualTo("QuantileHuber[quantiles=200, kappa=1.0]");
    assertThat(new QuantileHuber(4, 1).tau(0)).isEqualTo(0.125);
    assertThat(new QuantileHuber(4, 1).tau(3)).isEqualTo(0.875);
    assertThat(new CategoricalCrossEntropy(51, -10, 10).toString())
        .isEqualTo("CategoricalCrossEntropy[atoms=51, v_min=-10.0, v_max=10.0]");
    QuantileHuber qr = new QuantileHuber(2, 1);
    CategoricalCrossEntropy ce = new CategoricalCrossEntropy(3, 0, 1);
    Runnable[] bad = {
        () -> new QuantileHuber(0, 1),
        () -> new QuantileHuber(2, -1),
        () -> new QuantileHuber(2, Double.NaN),
        () -> new QuantileHuber(2, Double.POSITIVE_INFINITY),
        () -> qr.tau(2),
        () -> qr.value(new double[] {0, 1}, new double[0], 0, 0.9),
        () -> qr.value(new double[] {0}, new double[] {1}, 0, 0.9),
        () -> qr.value(new double[] {0, 1}, new double[] {1}, Double.NaN, 0.9),
        () -> qr.value(new double[] {0, 1}, new double[] {1}, 0, -1),
        () -> qr.evaluate(new double[4], new double[5], new double[2], new double[2], new double[4], null),
        () -> qr.evaluate(new double[4], new double[4], new double[2], new double[1], new double[4], null),
        () -> qr.evaluate(new double[4], new double[4], new double[2], new double[2], null, null),
        () -> qr.evaluate(new double[4], new double[4], new double[0], new double[0], new double[4], null),
        () -> new CategoricalCrossEntropy(null),
        () -> ce.value(new double[2], new double[3], 0, 0.9),
        () -> ce.value(new double[3], new double[3], 0, Double.NaN),
        () -> ce.evaluate(new double[6], new double[6], new double[2], new double[2], new double[5], null),
        () -> ce.evaluate(new double[6], new double[6], new double[2], new double[2], new double[6], new double[3]),
        () -> ce.evaluate(new double[6], new double[3], new double[2], new double[2], new double[6], null)};
    for (Runnable r : bad) {
      assertThatThrownBy(r::run).isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("QuantileHuber: ", "CategoricalCrossEntropy: ",
              "CategoricalProjection: ").contains("expected").doesNotContain("\n"));
    }
  }

  private static double[] with(double[] array, int at, double x) {
    double[] copy = array.clone();
    copy[at] = x;
    return copy;
  }
}
