package org.qprob.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qprob.api.Options;
import org.qprob.api.PluginRegistry;
import org.qprob.api.loss.Backup;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.LossProvider;
import org.qprob.api.loss.TdBatch;
import org.qprob.api.loss.TdResult;

/** The example loss plugin: found by name, its output model, its values and gradients against finite differences. */
class GaussianLossTest {
  private static final int N = 6;
  private static final int A = 3;

  private static Loss loss(Map<String, ?> options) {
    return PluginRegistry.load(LossProvider.class, "loss", LossProvider::name, GaussianLossTest.class.getClassLoader())
        .get("gaussian-nll").create(new Options("loss gaussian-nll", options));
  }

  private static TdBatch batch(long seed, double[] out, double[] next) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] taken = new int[N];
    int[] nextActions = new int[N];
    double[] rewards = new double[N];
    double[] discounts = new double[N];
    double[] weights = new double[N];
    Arrays.fill(weights, 1);
    for (int i = 0; i < N; i++) {
      taken[i] = r.nextInt(A);
      nextActions[i] = r.nextInt(A);
      rewards[i] = r.nextDouble(-1, 1);
      discounts[i] = i == 0 ? 0 : (i == 1 ? 1.0 : 0.99);
    }
    return new TdBatch(N, A, 2 * A, out, taken, rewards, discounts, weights, next, nextActions,
        Backup.DISTRIBUTIONAL, 1);
  }

  private static double[] outputs(SplittableRandom r) {
    double[] o = new double[N * 2 * A];
    for (int i = 0; i < o.length; i++) {
      o[i] = i % (2 * A) < A ? r.nextDouble(-3, 3) : r.nextDouble(-1.5, 1.5);
    }
    return o;
  }

  @Test
  void isFoundByNameAndDeclaresItsOutputShape() {
    Loss loss = loss(Map.of());
    assertThat(loss.name()).isEqualTo("gaussian-nll");
    assertThat(loss.outputModel(A).width()).isEqualTo(2 * A);
    assertThat(loss.backups()).containsExactly(Backup.DISTRIBUTIONAL);
    assertThat(loss).hasToString("gaussian-nll[min_log_sd=-5.0]");
    assertThatThrownBy(() -> loss(Map.of("min_log_std", 1)))
        .hasMessageContaining("unknown option min_log_std");
  }

  @Test
  void theOutputModelReadsMeansAndSpreads() {
    GaussianHead head = new GaussianHead(2);
    double[] row = {1.5, -2, Math.log(0.5), 0};
    double[] q = new double[2];
    head.expectedValues(row, 0, q);
    assertThat(q).containsExactly(1.5, -2);
    GaussianReturn g = (GaussianReturn) head.distribution(row, 0, 0);
    assertThat(g.mean()).isEqualTo(1.5);
    assertThat(g.sd()).isCloseTo(0.5, within(1e-15));
    assertThat(g.cdf(g.quantile(0.3))).isCloseTo(0.3, within(1e-12));
    // the CRPS closed form against the integral of (F(x) - 1{x >= y})^2
    double y = 2.1;
    double integral = 0;
    double h = 1e-3;
    for (double x = -10; x < 14; x += h) {
      double mid = x + h / 2;
      double f = g.cdf(mid) - (mid >= y ? 1 : 0);
      integral += f * f * h;
    }
    assertThat(g.crps(y)).isCloseTo(integral, within(1e-5));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void gradientsMatchFiniteDifferencesIncludingIntoTheTarget(long seed) {
    Loss loss = loss(Map.of());
    SplittableRandom r = new SplittableRandom(seed * 31);
    double[] out = outputs(r);
    double[] next = outputs(r);
    TdResult result = loss.evaluate(batch(seed, out, next), true);
    for (int k = 0; k < out.length; k++) {
      int row = k / (2 * A);
      int index = k;
      double numeric = central(x -> value(loss, seed, replaced(out, index, x), next, row), out[k]);
      assertThat(result.dOutputs()[k]).as("d/dout[%d]", k).isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
      double numericNext = central(x -> value(loss, seed, out, replaced(next, index, x), row), next[k]);
      assertThat(result.dNextOutputs()[k]).as("d/dnext[%d]", k)
          .isCloseTo(numericNext, within(1e-6 * Math.max(1, Math.abs(numericNext))));
    }
    assertThat(result.dNextOutputs()).as("terminal row 0 passes nothing to s'")
        .startsWith(new double[2 * A]);
  }

  @Test
  void aTerminalRowIsTheNllOfTheReward() {
    Loss loss = loss(Map.of());
    SplittableRandom r = new SplittableRandom(9);
    double[] out = outputs(r);
    TdBatch b = batch(9, out, outputs(r));
    TdResult result = loss.evaluate(b, false);
    int a = b.taken()[0];
    GaussianReturn g = new GaussianReturn(out[a], Math.exp(out[A + a]));
    assertThat(result.value()[0]).isCloseTo(-g.logDensity(b.rewards()[0]), within(1e-12));
    assertThat(result.dNextOutputs()).isNull();
  }

  private static double value(Loss loss, long seed, double[] out, double[] next, int row) {
    return loss.evaluate(batch(seed, out, next), false).value()[row];
  }

  private static double central(DoubleUnaryOperator f, double x) {
    double h = 1e-5;
    return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
  }

  private static double[] replaced(double[] a, int i, double x) {
    double[] c = a.clone();
    c[i] = x;
    return c;
  }
}
