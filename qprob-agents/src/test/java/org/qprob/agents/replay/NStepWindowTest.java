package org.qprob.agents.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qprob.api.agent.Transition;

/**
 * n-step folding against hand-computed returns: observations are {@code {t}} (the step's index within the run), so a
 * stored transition names the steps it spans; rewards are distinct powers of ten so each fold is checked exactly.
 */
class NStepWindowTest {
  private static final double G = 0.5; // powers of 0.5 are exact in binary

  /** What one stored slot holds. */
  record Stored(int slot, float obs, int action, double reward, float next, boolean terminated, int steps) {
  }

  private final List<Integer> slots = new ArrayList<>();

  private static Transition step(int t, double reward, boolean terminated, boolean truncated) {
    return new Transition(new float[] {t}, t % 2, reward, new float[] {t + 1}, terminated, truncated);
  }

  private static Stored at(ReplayBuffer b, int slot) {
    return new Stored(slot, b.observations()[slot], b.action(slot), b.reward(slot), b.nextObservations()[slot],
        b.terminated(slot), b.bootstrapSteps(slot));
  }

  private List<Stored> stored(ReplayBuffer b) {
    List<Stored> out = new ArrayList<>();
    for (int s : slots) {
      out.add(at(b, s));
    }
    return out;
  }

  @Test
  void aFullWindowStoresTheOldestStepWithItsNStepReturn() {
    ReplayBuffer b = new ReplayBuffer(100, 1);
    NStepWindow w = new NStepWindow(3, G, 1);
    w.push(step(0, 1, false, false), b, slots::add);
    w.push(step(1, 10, false, false), b, slots::add);
    assertThat(slots).isEmpty();
    assertThat(w.pending()).isEqualTo(2);
    w.push(step(2, 100, false, false), b, slots::add);
    w.push(step(3, 1000, false, false), b, slots::add);
    // R_0 = 1 + 0.5 * 10 + 0.25 * 100, bootstrapping from s_3 with gamma^3; R_1 = 10 + 0.5 * 100 + 0.25 * 1000 from s_4
    assertThat(stored(b)).containsExactly(
        new Stored(0, 0, 0, 31, 3, false, 3),
        new Stored(1, 1, 1, 310, 4, false, 3));
    assertThat(w.pending()).isEqualTo(2);
    assertThat(new BootstrapDiscount(G, 3).of(false, 3)).isEqualTo(0.125);
  }

  @Test
  void terminationInsideTheWindowStoresEveryStepWithoutBootstrap() {
    ReplayBuffer b = new ReplayBuffer(100, 1);
    NStepWindow w = new NStepWindow(3, G, 1);
    w.push(step(0, 1, false, false), b, slots::add);
    w.push(step(1, 10, true, false), b, slots::add);
    // both steps end at the terminal s_2: R_0 = 1 + 0.5 * 10, R_1 = 10; neither bootstraps
    assertThat(stored(b)).containsExactly(
        new Stored(0, 0, 0, 6, 2, true, 2),
        new Stored(1, 1, 1, 10, 2, true, 1));
    assertThat(w.pending()).isZero();
    BootstrapDiscount d = new BootstrapDiscount(G, 3);
    assertThat(d.of(true, 2)).isZero();
    assertThat(d.of(true, 1)).isZero();
  }

  @Test
  void truncationInsideTheWindowBootstrapsFromTheLastRealNextStateWithGammaToTheStepsTaken() {
    ReplayBuffer b = new ReplayBuffer(100, 1);
    NStepWindow w = new NStepWindow(4, G, 1);
    w.push(step(0, 1, false, false), b, slots::add);
    w.push(step(1, 10, false, false), b, slots::add);
    w.push(step(2, 100, false, true), b, slots::add);
    assertThat(stored(b)).containsExactly(
        new Stored(0, 0, 0, 1 + 5 + 25, 3, false, 3),
        new Stored(1, 1, 1, 10 + 50, 3, false, 2),
        new Stored(2, 2, 0, 100, 3, false, 1));
    BootstrapDiscount d = new BootstrapDiscount(G, 4);
    assertThat(new double[] {d.of(false, 3), d.of(false, 2), d.of(false, 1)}).containsExactly(0.125, 0.25, 0.5);
  }

  @Test
  void anEpisodeEndingAsTheWindowFillsStoresTheFullReturnThenTheRest() {
    ReplayBuffer b = new ReplayBuffer(100, 1);
    NStepWindow w = new NStepWindow(2, G, 1);
    w.push(step(0, 1, false, false), b, slots::add);
    w.push(step(1, 10, false, false), b, slots::add);
    w.push(step(2, 100, true, false), b, slots::add);
    assertThat(stored(b)).containsExactly(
        new Stored(0, 0, 0, 6, 2, false, 2),
        new Stored(1, 1, 1, 60, 3, true, 2),
        new Stored(2, 2, 0, 100, 3, true, 1));
  }

  @Test
  void foldedTransitionsNeverSpanEpisodesAndWrapAroundTheRingLikeAnyOther() {
    ReplayBuffer b = new ReplayBuffer(4, 1);
    NStepWindow w = new NStepWindow(3, G, 1);
    // episode A: steps 0..4, terminated; episode B: steps 10..13, truncated
    for (int t = 0; t <= 4; t++) {
      w.push(step(t, t + 1, t == 4, false), b, slots::add);
    }
    for (int t = 10; t <= 13; t++) {
      w.push(step(t, t, false, t == 13), b, slots::add);
    }
    assertThat(slots).containsExactly(0, 1, 2, 3, 0, 1, 2, 3, 0);
    // A's five folded steps took slots 0..3 and wrapped to 0; B's four overwrote them: the ring holds B alone
    assertThat(b.size()).isEqualTo(4);
    assertThat(at(b, 1)).isEqualTo(new Stored(1, 10, 0, 10 + 0.5 * 11 + 0.25 * 12, 13, false, 3));
    assertThat(at(b, 2)).isEqualTo(new Stored(2, 11, 1, 11 + 0.5 * 12 + 0.25 * 13, 14, false, 3));
    assertThat(at(b, 3)).isEqualTo(new Stored(3, 12, 0, 12 + 0.5 * 13, 14, false, 2));
    assertThat(at(b, 0)).isEqualTo(new Stored(0, 13, 1, 13, 14, false, 1));
    // A's last full-return step (t = 2, stored in slot 2 of the first lap) ended at the terminal s_5
    ReplayBuffer lap = new ReplayBuffer(100, 1);
    List<Integer> lapSlots = new ArrayList<>();
    NStepWindow w2 = new NStepWindow(3, G, 1);
    for (int t = 0; t <= 4; t++) {
      w2.push(step(t, t + 1, t == 4, false), lap, lapSlots::add);
    }
    assertThat(at(lap, 2)).isEqualTo(new Stored(2, 2, 0, 3 + 0.5 * 4 + 0.25 * 5, 5, true, 3));
    assertThat(at(lap, 4)).isEqualTo(new Stored(4, 4, 0, 5, 5, true, 1));
  }

  @Test
  void oneStepStoresEachTransitionAsAPlainBufferWould() {
    ReplayBuffer folded = new ReplayBuffer(10, 1);
    ReplayBuffer plain = new ReplayBuffer(10, 1);
    NStepWindow w = new NStepWindow(1, 0.99, 1);
    for (int t = 0; t < 15; t++) {
      Transition s = step(t, 0.1 * t - 0.7, t % 5 == 4, t % 7 == 6);
      w.push(s, folded, slots::add);
      plain.add(s.observation(), s.action(), s.reward(), s.nextObservation(), s.terminated());
      assertThat(w.pending()).isZero();
    }
    for (int i = 0; i < 10; i++) {
      assertThat(at(folded, i)).isEqualTo(at(plain, i));
      assertThat(folded.bootstrapSteps(i)).isEqualTo(1);
    }
    assertThat(new BootstrapDiscount(0.99, 1).of(false, 1)).isEqualTo(0.99);
  }

  @Test
  void aRestoredWindowContinuesExactly() throws IOException {
    ReplayBuffer b1 = new ReplayBuffer(50, 1);
    NStepWindow w1 = new NStepWindow(3, G, 1);
    w1.push(step(0, 1, false, false), b1, s -> { });
    w1.push(step(1, 10, false, false), b1, s -> { });
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    w1.write(new DataOutputStream(bytes));
    NStepWindow w2 = new NStepWindow(3, G, 1);
    w2.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    ReplayBuffer b2 = new ReplayBuffer(50, 1);
    w1.push(step(2, 100, false, true), b1, s -> { });
    w2.push(step(2, 100, false, true), b2, s -> { });
    assertThat(b2.size()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      assertThat(at(b2, i)).isEqualTo(at(b1, i));
    }
    assertThatThrownBy(() -> new NStepWindow(2, G, 1).read(new DataInputStream(new ByteArrayInputStream(
        bytes.toByteArray())))).isInstanceOf(IOException.class).hasMessageContaining("replay.nStep = 2");
  }

  @Test
  void nBelowOneIsRefused() {
    assertThatThrownBy(() -> new NStepWindow(0, G, 1))
        .hasMessage("replay.nStep = 0 is invalid; expected an integer >= 1");
  }
}
