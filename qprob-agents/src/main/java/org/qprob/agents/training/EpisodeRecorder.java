package org.qprob.agents.training;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.qprob.api.env.Discrete;
import org.qprob.api.env.Environment;
import org.qprob.api.env.Space;
import org.qprob.api.env.StepResult;

/**
 * An environment that passes everything through to the one it wraps and remembers the last {@code capacity} finished
 * episodes ({@link Episode}: observations, actions, rewards, how it ended). An episode finishes at a step that
 * terminates or truncates it; one left unfinished by a reset is dropped. It draws nothing and changes nothing, so a
 * run with a recorder is the run without one. Not thread-safe: one run's thread uses it.
 */
public final class EpisodeRecorder implements Environment {
  private final Environment inner;
  private final int capacity;
  private final Deque<Episode> finished = new ArrayDeque<>();
  private final List<float[]> observations = new ArrayList<>();
  private int[] actions = new int[16];
  private double[] rewards = new double[16];
  private float[] current;

  /**
   * @param inner the environment recorded
   * @param capacity how many finished episodes are kept (the oldest are dropped), at least 1
   */
  public EpisodeRecorder(Environment inner, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("episode recorder capacity = " + capacity + " is invalid; expected >= 1");
    }
    this.inner = inner;
    this.capacity = capacity;
  }

  /** The recorded environment. */
  public Environment inner() {
    return inner;
  }

  public int capacity() {
    return capacity;
  }

  /** The finished episodes kept, oldest first. */
  public List<Episode> finished() {
    return List.copyOf(finished);
  }

  /** The finished episodes kept, oldest first, and forgets them. */
  public List<Episode> takeFinished() {
    List<Episode> out = List.copyOf(finished);
    finished.clear();
    return out;
  }

  /** Replaces the kept episodes by {@code episodes} (the last {@code capacity} of them), e.g. after a resume. */
  public void restore(List<Episode> episodes) {
    finished.clear();
    for (Episode e : episodes) {
      keep(e);
    }
  }

  private void keep(Episode e) {
    finished.addLast(e);
    while (finished.size() > capacity) {
      finished.removeFirst();
    }
  }

  private float[] begin(float[] observation) {
    observations.clear();
    current = observation;
    return observation;
  }

  @Override
  public Space observationSpace() {
    return inner.observationSpace();
  }

  @Override
  public Discrete actionSpace() {
    return inner.actionSpace();
  }

  @Override
  public float[] reset(long seed) {
    return begin(inner.reset(seed));
  }

  @Override
  public float[] reset() {
    return begin(inner.reset());
  }

  @Override
  public float[] resetTo(double[] state) {
    return begin(inner.resetTo(state));
  }

  @Override
  public double[] state() {
    return inner.state();
  }

  @Override
  public StepResult step(int action) {
    StepResult r = inner.step(action);
    if (current == null) {
      return r;
    }
    int t = observations.size();
    if (t == actions.length) {
      actions = Arrays.copyOf(actions, 2 * t);
      rewards = Arrays.copyOf(rewards, 2 * t);
    }
    observations.add(current);
    actions[t] = action;
    rewards[t] = r.reward();
    current = r.observation();
    if (r.done()) {
      keep(new Episode(observations, Arrays.copyOf(actions, t + 1), Arrays.copyOf(rewards, t + 1), r.terminated()));
      observations.clear();
      current = null;
    }
    return r;
  }

  @Override
  public String toString() {
    return "EpisodeRecorder(" + inner + ", capacity=" + capacity + ")";
  }
}
