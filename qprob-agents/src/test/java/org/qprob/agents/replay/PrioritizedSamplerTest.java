package org.qprob.agents.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.qprob.agents.config.PrioritizedConfig;
import org.qprob.agents.random.RandomStream;

class PrioritizedSamplerTest {
  private static final PrioritizedConfig CONFIG = new PrioritizedConfig(0.6, 0.4, 1000, 1e-3);

  /** A sampler over {@code n} added slots whose priorities come from the signals {@code delta}. */
  private static PrioritizedSampler withSignals(int capacity, double[] delta) {
    PrioritizedSampler s = new PrioritizedSampler(capacity, CONFIG);
    int[] slots = new int[delta.length];
    for (int i = 0; i < delta.length; i++) {
      s.added(i);
      slots[i] = i;
    }
    s.prioritize(slots, delta);
    return s;
  }

  @Test
  void newTransitionsGetTheLargestPrioritySoFar() {
    PrioritizedSampler s = new PrioritizedSampler(10, CONFIG);
    s.added(0);
    assertThat(s.priorityOf(0)).isEqualTo(1.0);
    s.prioritize(new int[] {0}, new double[] {-9});
    double p = Math.pow(9 + 1e-3, 0.6);
    assertThat(s.priorityOf(0)).isEqualTo(p);
    assertThat(s.maxPriority()).isEqualTo(p);
    s.added(1);
    assertThat(s.priorityOf(1)).isEqualTo(p);
    s.prioritize(new int[] {0, 1}, new double[] {0.5, 0});
    assertThat(s.priorityOf(0)).isEqualTo(Math.pow(0.5 + 1e-3, 0.6));
    assertThat(s.priorityOf(1)).isEqualTo(Math.pow(1e-3, 0.6));
    assertThat(s.maxPriority()).as("the largest seen, not the largest now").isEqualTo(p);
    s.added(2);
    assertThat(s.priorityOf(2)).isEqualTo(p);
    // a diverging loss's NaN gets the largest priority, not a crash
    s.prioritize(new int[] {1}, new double[] {Double.NaN});
    assertThat(s.priorityOf(1)).isEqualTo(p);
  }

  @Test
  void batchesDrawEachSlotWithProbabilityProportionalToItsPriority() {
    double[] delta = SumTreeTest.priorities(16, 7);
    PrioritizedSampler s = withSignals(20, delta);
    double[] p = new double[16];
    for (int i = 0; i < 16; i++) {
      p[i] = Math.pow(Math.abs(delta[i]) + 1e-3, 0.6);
      assertThat(s.priorityOf(i)).isEqualTo(p[i]);
    }
    RandomStream rng = new RandomStream(8);
    int[] slots = new int[8];
    double[] weights = new double[8];
    long[] counts = new long[16];
    int batches = 25_000;
    for (int b = 0; b < batches; b++) {
      s.sample(16, slots, weights, 0, rng);
      for (int slot : slots) {
        counts[slot]++;
      }
    }
    assertThat(SumTreeTest.chiSquare(counts, p, 8L * batches)).isLessThan(SumTreeTest.CHI2_15_999);
  }

  @Test
  void importanceWeightsFollowTheirFormula() {
    double[] delta = {0.1, 2, 0.5, 7, 0, 1.5};
    int n = delta.length;
    PrioritizedSampler s = withSignals(8, delta);
    double total = 0;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      total += s.priorityOf(i);
      min = Math.min(min, s.priorityOf(i));
    }
    RandomStream rng = new RandomStream(3);
    int[] slots = new int[4];
    double[] weights = new double[4];
    for (long step : new long[] {0, 250, 500, 999, 1000, 5000}) {
      double beta = Math.min(1, 0.4 + 0.6 * step / 1000.0);
      assertThat(CONFIG.betaAt(step)).isCloseTo(beta, within(1e-15));
      double maxWeight = Math.pow(n * min / total, -beta);
      for (int b = 0; b < 20; b++) {
        s.sample(n, slots, weights, step, rng);
        for (int k = 0; k < slots.length; k++) {
          double pi = s.priorityOf(slots[k]) / total;
          assertThat(weights[k]).as("step %d slot %d", step, slots[k])
              .isCloseTo(Math.pow(n * pi, -beta) / maxWeight, within(1e-12));
          assertThat(weights[k]).isBetween(0.0, 1.0);
        }
      }
    }
    // the slot of the smallest priority has weight 1
    boolean sawMin = false;
    for (int b = 0; b < 200 && !sawMin; b++) {
      s.sample(n, slots, weights, 0, rng);
      for (int k = 0; k < slots.length; k++) {
        if (slots[k] == 4) {
          assertThat(weights[k]).isCloseTo(1.0, within(1e-12));
          sawMin = true;
        }
      }
    }
    assertThat(sawMin).isTrue();
  }

  @Test
  void betaIsAnnealedLinearlyToOneAndStaysThere() {
    PrioritizedConfig c = new PrioritizedConfig(0.5, 0.2, 400, 1e-6);
    assertThat(c.betaAt(0)).isEqualTo(0.2);
    assertThat(c.betaAt(100)).isCloseTo(0.4, within(1e-15));
    assertThat(c.betaAt(200)).isCloseTo(0.6, within(1e-15));
    assertThat(c.betaAt(400)).isEqualTo(1.0);
    assertThat(c.betaAt(10_000)).isEqualTo(1.0);
  }

  @Test
  void aRestoredSamplerDrawsTheSameBatches() throws IOException {
    PrioritizedSampler s = withSignals(50, SumTreeTest.priorities(30, 4));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    s.write(new DataOutputStream(bytes));
    PrioritizedSampler r = new PrioritizedSampler(50, CONFIG);
    r.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(r.maxPriority()).isEqualTo(s.maxPriority());
    RandomStream a = new RandomStream(1);
    RandomStream b = new RandomStream(1);
    int[] sa = new int[16];
    int[] sb = new int[16];
    double[] wa = new double[16];
    double[] wb = new double[16];
    for (int k = 0; k < 50; k++) {
      s.sample(30, sa, wa, k, a);
      r.sample(30, sb, wb, k, b);
      assertThat(sb).isEqualTo(sa);
      assertThat(wb).isEqualTo(wa);
      s.added(30 + k % 20);
      r.added(30 + k % 20);
      s.prioritize(sa, wa);
      r.prioritize(sb, wb);
    }
  }
}
