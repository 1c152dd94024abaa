package org.qprob.agents.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qprob.agents.random.RandomStream;

class SumTreeTest {
  /** The 0.999 quantile of chi-square with 15 degrees of freedom. */
  static final double CHI2_15_999 = 37.697;

  /** Pearson's statistic of {@code counts} against {@code draws * p_i / sum p}. */
  static double chiSquare(long[] counts, double[] p, long draws) {
    double sum = 0;
    for (double v : p) {
      sum += v;
    }
    double chi = 0;
    for (int i = 0; i < p.length; i++) {
      double expected = draws * p[i] / sum;
      chi += (counts[i] - expected) * (counts[i] - expected) / expected;
    }
    return chi;
  }

  static double[] priorities(int n, long seed) {
    RandomStream rng = new RandomStream(seed);
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = 0.05 + 3 * rng.nextDouble() * rng.nextDouble();
    }
    return p;
  }

  @Test
  void findDrawsEachSlotWithProbabilityProportionalToItsPriority() {
    double[] p = priorities(16, 1);
    SumTree tree = new SumTree(16);
    for (int i = 0; i < p.length; i++) {
      tree.set(i, p[i]);
    }
    RandomStream rng = new RandomStream(2);
    long draws = 200_000;
    long[] counts = new long[16];
    for (long d = 0; d < draws; d++) {
      counts[tree.find(rng.nextDouble() * tree.total())]++;
    }
    assertThat(chiSquare(counts, p, draws)).isLessThan(CHI2_15_999);
    // the test has power: the same counts are far from uniform
    double[] uniform = new double[16];
    java.util.Arrays.fill(uniform, 1);
    assertThat(chiSquare(counts, uniform, draws)).isGreaterThan(100 * CHI2_15_999);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 7, 8, 1000})
  void findReturnsTheSlotWhoseCumulativeRangeHoldsTheMass(int capacity) {
    double[] p = priorities(capacity, capacity);
    SumTree tree = new SumTree(capacity);
    for (int i = 0; i < capacity; i++) {
      tree.set(i, p[i]);
    }
    double cumulative = 0;
    for (int i = 0; i < capacity; i++) {
      // the middle of each range, and its start (inclusive)
      assertThat(tree.find(cumulative + p[i] / 2)).isEqualTo(i);
      if (i > 0) {
        assertThat(tree.find(Math.nextUp(cumulative))).isIn(i - 1, i);
      }
      cumulative += p[i];
    }
    assertThat(tree.total()).isCloseTo(cumulative, within(1e-12 * cumulative));
    // rounding past the total lands on the last slot, never beyond
    assertThat(tree.find(tree.total())).isEqualTo(capacity - 1);
    assertThat(tree.find(2 * tree.total())).isEqualTo(capacity - 1);
  }

  @Test
  void slotsOfPriorityZeroAndUnusedLeavesAreNeverFound() {
    SumTree tree = new SumTree(6); // 8 leaves, two unused
    tree.set(0, 1);
    tree.set(1, 0);
    tree.set(2, 2);
    tree.set(3, 0);
    RandomStream rng = new RandomStream(5);
    for (int d = 0; d < 10_000; d++) {
      assertThat(tree.find(rng.nextDouble() * tree.total())).isIn(0, 2);
    }
    assertThat(tree.find(tree.total())).isEqualTo(2);
    assertThat(tree.find(Math.nextDown(1.0))).isEqualTo(0);
    assertThat(tree.find(1.0)).isEqualTo(2);
  }

  @Test
  void updatesReplacePrioritiesAndKeepTotalAndMinimum() {
    SumTree tree = new SumTree(5);
    assertThat(tree.total()).isZero();
    assertThat(tree.min()).isEqualTo(Double.POSITIVE_INFINITY);
    tree.set(0, 1.5);
    tree.set(1, 0.25);
    tree.set(4, 3);
    assertThat(tree.total()).isEqualTo(4.75);
    assertThat(tree.min()).isEqualTo(0.25);
    tree.set(1, 2);
    assertThat(tree.get(1)).isEqualTo(2);
    assertThat(tree.total()).isEqualTo(6.5);
    assertThat(tree.min()).isEqualTo(1.5);
    tree.set(0, 0.125);
    assertThat(tree.min()).isEqualTo(0.125);
    assertThat(tree.get(0)).isEqualTo(0.125);
    assertThat(tree.total()).isEqualTo(5.125);
    assertThatThrownBy(() -> tree.set(5, 1)).hasMessageContaining("slot 5");
    assertThatThrownBy(() -> tree.set(0, Double.NaN)).hasMessageContaining("priority NaN");
    assertThatThrownBy(() -> tree.set(0, -1)).hasMessageContaining("expected a finite number >= 0");
  }

  @Test
  void totalsDoNotDriftOverAMillionUpdates() throws IOException {
    int capacity = 1000;
    SumTree tree = new SumTree(capacity);
    double[] leaves = new double[capacity];
    RandomStream rng = new RandomStream(11);
    for (int u = 0; u < 1_000_000; u++) {
      int i = rng.nextInt(capacity);
      // priorities over eight orders of magnitude, the hard case for rounding
      double p = Math.pow(10, 8 * rng.nextDouble() - 4);
      leaves[i] = p;
      tree.set(i, p);
    }
    double exact = 0;
    double min = Double.POSITIVE_INFINITY;
    for (double p : leaves) {
      exact += p;
      min = Math.min(min, p);
    }
    assertThat(tree.total()).isCloseTo(exact, within(1e-12 * exact));
    assertThat(tree.min()).isEqualTo(min);
    // a tree built afresh from the same leaves has the very same total: nothing accumulated
    SumTree fresh = new SumTree(capacity);
    for (int i = 0; i < capacity; i++) {
      fresh.set(i, leaves[i]);
    }
    assertThat(tree.total()).isEqualTo(fresh.total());
    // and so does one read back from a checkpoint
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    tree.write(new DataOutputStream(bytes), capacity);
    SumTree read = new SumTree(capacity);
    read.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    assertThat(read.total()).isEqualTo(tree.total());
    assertThat(read.min()).isEqualTo(tree.min());
    for (int d = 0; d < 1000; d++) {
      double mass = rng.nextDouble() * tree.total();
      assertThat(read.find(mass)).isEqualTo(tree.find(mass));
    }
  }

  @Test
  void readRefusesAnotherCapacity() throws IOException {
    SumTree tree = new SumTree(4);
    tree.set(0, 1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    tree.write(new DataOutputStream(bytes), 1);
    assertThatThrownBy(() -> new SumTree(5).read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))))
        .isInstanceOf(IOException.class).hasMessageContaining("capacity 4");
  }

  /**
   * The batch forms give exactly the tree and the slots of the single calls, for capacities with and without unused
   * leaves, batches that list a slot twice (the later priority stays) and priorities of 0.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7, 64, 1000})
  void batchSetAndFindEqualTheSingleCalls(int capacity) {
    SumTree one = new SumTree(capacity);
    SumTree batch = new SumTree(capacity);
    java.util.SplittableRandom rng = new java.util.SplittableRandom(capacity);
    for (int round = 0; round < 200; round++) {
      int n = 1 + rng.nextInt(Math.min(capacity, 64) * 2);
      int[] slots = new int[n];
      double[] priorities = new double[n];
      for (int j = 0; j < n; j++) {
        slots[j] = rng.nextInt(capacity);
        priorities[j] = rng.nextInt(10) == 0 ? 0 : Math.pow(10, rng.nextDouble(-6, 3));
        one.set(slots[j], priorities[j]);
      }
      batch.setAll(slots, priorities);
      assertThat(batch.total()).isEqualTo(one.total());
      assertThat(batch.min()).isEqualTo(one.min());
      for (int i = 0; i < capacity; i++) {
        assertThat(batch.get(i)).isEqualTo(one.get(i));
      }
      if (one.total() > 0) {
        double[] masses = new double[n];
        for (int j = 0; j < n; j++) {
          masses[j] = rng.nextDouble() * one.total() * 1.000001; // a few at or past the total
        }
        int[] found = new int[n];
        batch.findAll(masses, found);
        for (int j = 0; j < n; j++) {
          assertThat(found[j]).as("mass %s", masses[j]).isEqualTo(one.find(masses[j]));
        }
      }
    }
    assertThatThrownBy(() -> batch.setAll(new int[] {0, capacity}, new double[] {1, 1}))
        .isInstanceOf(IndexOutOfBoundsException.class).hasMessage("slot " + capacity + " is outside [0, " + capacity + ")");
    assertThatThrownBy(() -> batch.setAll(new int[] {0}, new double[] {Double.NaN}))
        .hasMessage("priority NaN of slot 0 is invalid; expected a finite number >= 0");
  }
}
