package org.qprob.agents.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.function.IntConsumer;
import org.qprob.api.agent.Transition;

/**
 * Folds one-step transitions into n-step ones as they are observed, so the buffer stores only folded transitions and
 * sampling never has to look across slots (nor across the ring's wrap-around, nor across episodes). The window keeps
 * the last up to n steps of the current episode not yet stored (observation, action, reward; primitive arrays).
 *
 * <p>When it holds n steps it stores the oldest, t, as {@code (s_t, a_t, R, s_(t+n), terminated, k = n)} with
 * {@code R = r_t + gamma r_(t+1) + ... + gamma^(n-1) r_(t+n-1)}, and drops it. At the episode's end (terminated or
 * truncated) it stores every step left, oldest first, each folded up to the last step: the one j steps before the end
 * gets {@code k = j + 1} rewards and bootstraps from the last real next state with {@code gamma^k} if the episode was
 * truncated, from nothing if it terminated; the window is then empty. With n = 1 every step is stored as it comes,
 * exactly as a plain one-step buffer. The last n - 1 steps of an episode still running are not yet stored (a run
 * that stops mid-episode never stores them). Rewards fold as {@code R = r_t; R += gamma^j r_(t+j)} with the powers of
 * gamma by repeated multiplication, so a one-step return is the reward itself.
 */
public final class NStepWindow {
  private final int n;
  private final double gamma;
  private final int width;
  private final float[] observations;
  private final int[] actions;
  private final double[] rewards;
  private int first;
  private int count;

  /**
   * @param n the steps of a full return, >= 1
   * @param gamma the discount
   * @param width floats per observation
   */
  public NStepWindow(int n, double gamma, int width) {
    if (n < 1) {
      throw new IllegalArgumentException("replay.nStep = " + n + " is invalid; expected an integer >= 1");
    }
    this.n = n;
    this.gamma = gamma;
    this.width = width;
    this.observations = new float[n * width];
    this.actions = new int[n];
    this.rewards = new double[n];
  }

  /**
   * Adds step {@code t} and stores into {@code buffer} every transition it completes, telling {@code stored} each
   * slot written, in order.
   */
  public void push(Transition t, ReplayBuffer buffer, IntConsumer stored) {
    if (t.observation().length != width || t.nextObservation().length != width) {
      throw new IllegalArgumentException("observation width " + t.observation().length + "/"
          + t.nextObservation().length + " does not match the buffer's " + width);
    }
    int at = (first + count) % n;
    System.arraycopy(t.observation(), 0, observations, at * width, width);
    actions[at] = t.action();
    rewards[at] = t.reward();
    count++;
    if (count == n) {
      emitOldest(t, buffer, stored);
    }
    if (t.episodeEnd()) {
      while (count > 0) {
        emitOldest(t, buffer, stored);
      }
      first = 0;
    }
  }

  /** Stores the oldest step folded up to the newest, {@code last}, and drops it. */
  private void emitOldest(Transition last, ReplayBuffer buffer, IntConsumer stored) {
    double ret = rewards[first];
    double power = 1;
    for (int j = 1; j < count; j++) {
      power *= gamma;
      ret += power * rewards[(first + j) % n];
    }
    int slot = buffer.add(observations, first * width, actions[first], ret, last.nextObservation(), 0,
        last.terminated(), count);
    stored.accept(slot);
    first = (first + 1) % n;
    count--;
  }

  /** Steps waiting. */
  public int pending() {
    return count;
  }

  /** Writes n, the width and the waiting steps, oldest first. */
  public void write(DataOutputStream out) throws IOException {
    out.writeInt(n);
    out.writeInt(width);
    out.writeInt(count);
    for (int j = 0; j < count; j++) {
      int at = (first + j) % n;
      for (int k = 0; k < width; k++) {
        out.writeFloat(observations[at * width + k]);
      }
      out.writeInt(actions[at]);
      out.writeDouble(rewards[at]);
    }
  }

  /** Reads what {@link #write} wrote, into a window of the same n and width. */
  public void read(DataInputStream in) throws IOException {
    int cn = in.readInt();
    int cw = in.readInt();
    int c = in.readInt();
    if (cn != n || cw != width || c < 0 || c >= n) {
      throw new IOException("checkpoint n-step window (n = " + cn + ", width " + cw + ", " + c
          + " steps) does not match replay.nStep = " + n + " and width " + width);
    }
    first = 0;
    count = c;
    for (int j = 0; j < c; j++) {
      for (int k = 0; k < width; k++) {
        observations[j * width + k] = in.readFloat();
      }
      actions[j] = in.readInt();
      rewards[j] = in.readDouble();
    }
  }

  @Override
  public String toString() {
    return "NStepWindow(n=" + n + ", pending=" + count + ")";
  }
}
