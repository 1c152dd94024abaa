package org.qprob.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qprob.api.Options;
import org.qprob.api.PluginRegistry;
import org.qprob.api.loss.Backup;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.LossProvider;
import org.qprob.api.loss.OutputModel;
import org.qprob.api.loss.TdBatch;
import org.qprob.api.loss.TdResult;

/**
 * Every registered loss through the contract the agent calls ({@code evaluate(TdBatch)}), for every backup it fits:
 * the gradients w.r.t. the outputs at s and, with target gradients, at s' against central finite differences of each
 * sample's value, terminal rows (discount 0) and gamma = 1 included; a terminal row passes nothing to s'.
 */
class TdGradientCheckTest {
  private static final int N = 5;
  private static final int A = 3;
  private static final PluginRegistry<LossProvider> REGISTRY =
      PluginRegistry.load(LossProvider.class, "loss", LossProvider::name);

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    Map<String, Map<String, Object>> options = Map.of(
        "gumbel-kl", Map.of("exponent_clip", "none"), "terminal-nll", Map.of("exponent_clip", "none"),
        "l2", Map.of(), "huber", Map.of("delta", 1.0), "xql", Map.of("form", "plain"),
        "categorical", Map.of("atoms", 11, "v_min", -4.0, "v_max", 6.0),
        "quantile-huber", Map.of("quantiles", 7, "kappa", 1.0));
    for (var e : options.entrySet()) {
      Loss loss = REGISTRY.get(e.getKey()).create(new Options("loss " + e.getKey(), e.getValue()));
      for (Backup backup : loss.backups()) {
        for (long seed = 1; seed <= 4; seed++) {
          out.add(Arguments.of(Named.of(loss + " " + backup + " #" + seed, loss), backup, seed));
        }
      }
    }
    return out.stream();
  }

  /** Outputs on the scale each model reads: locations in [-3, 3], log-scales and logits in [-1, 1]. */
  private static double[] outputs(OutputModel model, SplittableRandom r) {
    int w = model.width();
    double[] o = new double[N * w];
    for (int i = 0; i < o.length; i++) {
      o[i] = i % w < model.locationOutputs() ? r.nextDouble(-3, 3) : r.nextDouble(-1, 1);
    }
    return o;
  }

  private static TdBatch batch(Loss loss, Backup backup, long seed, double[] out, double[] next) {
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
      discounts[i] = i == 0 ? 0 : i == 1 ? 1.0 : 0.9;
    }
    return new TdBatch(N, A, loss.outputModel(A).width(), out, taken, rewards, discounts, weights, next,
        backup.selectsAction() ? nextActions : null, backup, 0.7);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void gradientsMatchFiniteDifferences(Loss loss, Backup backup, long seed) {
    OutputModel model = loss.outputModel(A);
    SplittableRandom r = new SplittableRandom(seed * 977);
    double[] out = outputs(model, r);
    double[] next = outputs(model, r);
    TdResult result = loss.evaluate(batch(loss, backup, seed, out, next), true);
    assertThat(result.value()).hasSize(N);
    for (double v : result.value()) {
      assertThat(v).isFinite();
    }
    assertThat(result.priority()).hasSize(N);
    int w = model.width();
    for (int k = 0; k < N * w; k++) {
      int row = k / w;
      int index = k;
      double dOut = central(x -> value(loss, backup, seed, replaced(out, index, x), next, row), out[k]);
      assertThat(result.dOutputs()[k]).as("%s d/dout[%d]", loss, k).isCloseTo(dOut, within(tolerance(dOut)));
      double dNext = central(x -> value(loss, backup, seed, out, replaced(next, index, x), row), next[k]);
      assertThat(result.dNextOutputs()[k]).as("%s d/dnext[%d]", loss, k).isCloseTo(dNext, within(tolerance(dNext)));
      if (row == 0) {
        assertThat(result.dNextOutputs()[k]).as("terminal row").isZero();
      }
    }
    assertThat(loss.evaluate(batch(loss, backup, seed, out, next), false).dNextOutputs()).isNull();
  }

  private static double tolerance(double v) {
    return 1e-6 * Math.max(1, Math.abs(v));
  }

  private static double value(Loss loss, Backup backup, long seed, double[] out, double[] next, int row) {
    return loss.evaluate(batch(loss, backup, seed, out, next), false).value()[row];
  }

  private static double central(DoubleUnaryOperator f, double x) {
    double h = 1e-6;
    return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
  }

  private static double[] replaced(double[] a, int i, double x) {
    double[] c = a.clone();
    c[i] = x;
    return c;
  }
}
