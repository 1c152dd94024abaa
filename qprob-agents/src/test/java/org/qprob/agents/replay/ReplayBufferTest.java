package org.qprob.agents.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qprob.agents.network.ObservationEncoder;
import org.qprob.agents.random.RandomStream;
import org.qprob.api.env.Box;
import org.qprob.api.env.Discrete;

class ReplayBufferTest {
  private static void fill(ReplayBuffer b, int from, int count) {
    for (int i = from; i < from + count; i++) {
      b.add(new float[] {i, -i}, i % 3, i * 0.5, new float[] {i + 1, -i - 1}, i % 7 == 0);
    }
  }

  @Test
  void storesTransitionsInARingThatOverwritesTheOldest() {
    ReplayBuffer b = new ReplayBuffer(5, 2);
    fill(b, 0, 3);
    assertThat(b.size()).isEqualTo(3);
    fill(b, 3, 4); // 0..6 stored; 0 and 1 overwritten by 5 and 6
    assertThat(b.size()).isEqualTo(5);
    Set<Integer> stored = new HashSet<>();
    for (int slot = 0; slot < 5; slot++) {
      int id = (int) b.observations()[slot * 2];
      stored.add(id);
      assertThat(b.observations()[slot * 2 + 1]).isEqualTo(-id);
      assertThat(b.nextObservations()[slot * 2]).isEqualTo(id + 1);
      assertThat(b.action(slot)).isEqualTo(id % 3);
      assertThat(b.reward(slot)).isEqualTo(id * 0.5);
      assertThat(b.terminated(slot)).isEqualTo(id % 7 == 0);
    }
    assertThat(stored).containsExactlyInAnyOrder(2, 3, 4, 5, 6);
  }

  @Test
  void samplesDistinctSlotsUniformly() {
    ReplayBuffer b = new ReplayBuffer(100, 2);
    fill(b, 0, 40);
    RandomStream rng = new RandomStream(3);
    int[] idx = new int[10];
    int[] counts = new int[40];
    int draws = 20_000;
    for (int d = 0; d < draws; d++) {
      b.sample(idx, rng);
      assertThat(Arrays.stream(idx).distinct().count()).isEqualTo(10);
      for (int i : idx) {
        assertThat(i).isBetween(0, 39);
        counts[i]++;
      }
    }
    // each slot is in a batch with probability 10/40; binomial sd = sqrt(n p (1-p)) ~ 61
    double expected = draws * 10 / 40.0;
    for (int c : counts) {
      assertThat((double) c).isBetween(expected - 5 * 61, expected + 5 * 61);
    }
    // chi-square over the 40 slots, loose bound (df 39: p = 1e-4 at about 80)
    double chi = 0;
    for (int c : counts) {
      chi += (c - expected) * (c - expected) / expected;
    }
    assertThat(chi).isLessThan(80);
  }

  @Test
  void samplingIsDeterminedByTheGenerator() {
    ReplayBuffer b = new ReplayBuffer(64, 2);
    fill(b, 0, 64);
    int[] x = new int[64];
    int[] y = new int[64];
    b.sample(x, new RandomStream(9));
    b.sample(y, new RandomStream(9));
    assertThat(x).containsExactly(y);
    assertThat(Arrays.stream(x).sorted().toArray()).isEqualTo(java.util.stream.IntStream.range(0, 64).toArray());
    assertThatThrownBy(() -> b.sample(new int[65], new RandomStream(1))).hasMessageContaining("65");
  }

  @Test
  void checkpointRoundTripsContentsAndPosition() throws IOException {
    ReplayBuffer b = new ReplayBuffer(8, 2);
    fill(b, 0, 11);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    b.write(new DataOutputStream(bytes));
    ReplayBuffer c = new ReplayBuffer(8, 2);
    c.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    fill(b, 11, 3);
    fill(c, 11, 3);
    assertThat(c.size()).isEqualTo(b.size());
    assertThat(c.observations()).containsExactly(b.observations());
    assertThat(c.nextObservations()).containsExactly(b.nextObservations());
    for (int i = 0; i < 8; i++) {
      assertThat(c.action(i)).isEqualTo(b.action(i));
      assertThat(c.reward(i)).isEqualTo(b.reward(i));
      assertThat(c.terminated(i)).isEqualTo(b.terminated(i));
    }
    ReplayBuffer wrong = new ReplayBuffer(9, 2);
    assertThatThrownBy(() -> wrong.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))))
        .hasMessageContaining("does not match");
  }

  @Test
  void batchEncodesDiscreteObservationsOneHot() {
    ReplayBuffer b = new ReplayBuffer(10, 1);
    b.add(new float[] {2}, 1, 1.0, new float[] {0}, false);
    b.add(new float[] {1}, 0, -1.0, new float[] {3}, true);
    ReplayBatch batch = new ReplayBatch(2, new ObservationEncoder(new Discrete(4)));
    batch.load(b, new int[] {1, 0});
    assertThat(batch.states()).containsExactly(0, 1, 0, 0, 0, 0, 1, 0);
    assertThat(batch.nextStates()).containsExactly(0, 0, 0, 1, 1, 0, 0, 0);
    assertThat(batch.actions()).containsExactly(0, 1);
    assertThat(batch.rewards()).containsExactly(-1.0, 1.0);
    assertThat(batch.terminated()).containsExactly(true, false);
    ReplayBatch boxes = new ReplayBatch(1, new ObservationEncoder(new Box(new float[] {0}, new float[] {9})));
    boxes.load(b, new int[] {0});
    assertThat(boxes.statesAndNextStates()).containsExactly(2, 0);
  }
}
