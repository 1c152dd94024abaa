package org.qprob.losses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The batch kernels of the quantile Huber loss give each sample's value and gradients bit for bit as the per-sample
 * form does, whatever the batch size (blocks of 8 and the rest), terminal rows, samples beyond the fast clamp's range,
 * and the pinball loss.
 */
class QuantileHuberBatchTest {
  @ParameterizedTest(name = "n={0} N={1} M={2} kappa={3}")
  @CsvSource({"64, 50, 50, 1", "1, 50, 50, 1", "7, 3, 5, 0.5", "9, 11, 4, 2", "70, 50, 50, 1", "16, 8, 8, 0",
      "13, 51, 51, 1e-3"})
  void batchEqualsPerSampleBitForBit(int n, int quantiles, int targets, double kappa) {
    QuantileHuber h = new QuantileHuber(quantiles, kappa);
    SplittableRandom rng = new SplittableRandom(n * 31L + quantiles);
    int actions = 3;
    int w = actions * Math.max(quantiles, targets);
    double[] out = new double[n * w];
    double[] next = new double[n * w];
    for (int i = 0; i < out.length; i++) {
      out[i] = rng.nextGaussian() * 3;
      next[i] = rng.nextGaussian() * 3;
    }
    int[] at = new int[n];
    int[] nextAt = new int[n];
    double[] reward = new double[n];
    double[] discount = new double[n];
    for (int s = 0; s < n; s++) {
      at[s] = s * w + rng.nextInt(actions) * (w / actions);
      nextAt[s] = s * w + rng.nextInt(actions) * (w / actions);
      reward[s] = rng.nextDouble(-2, 2);
      discount[s] = rng.nextInt(5) == 0 ? 0 : 0.99;
      if (s % 5 == 3) {
        out[at[s]] = 1e9 * (1 + kappa); // beyond 2^25 kappa: the exact clamp
      }
    }
    for (boolean withTarget : new boolean[] {false, true}) {
      double[] dOut = new double[n * w];
      double[] dNext = withTarget ? new double[n * w] : null;
      double[] batch = h.valuesAndGradients(out, at, next, nextAt, targets, reward, discount, dOut, dNext);
      double[] dOutOne = new double[n * w];
      double[] dNextOne = withTarget ? new double[n * w] : null;
      for (int s = 0; s < n; s++) {
        double one = h.valueAndGradient(out, at[s], next, nextAt[s], targets, reward[s], discount[s], dOutOne, at[s],
            dNextOne, nextAt[s]);
        assertThat(Double.doubleToRawLongBits(batch[s])).as("value of sample %d: %s vs %s", s, batch[s], one)
            .isEqualTo(Double.doubleToRawLongBits(one));
      }
      assertThat(bits(dOut)).as("dTheta").containsExactly(bits(dOutOne));
      if (withTarget) {
        assertThat(bits(dNext)).as("dNextTheta").containsExactly(bits(dNextOne));
      }
    }
  }

  private static long[] bits(double[] x) {
    long[] b = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      b[i] = Double.doubleToRawLongBits(x[i]);
    }
    return b;
  }
}
