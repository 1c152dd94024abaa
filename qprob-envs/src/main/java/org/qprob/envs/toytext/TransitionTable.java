package org.qprob.envs.toytext;

import java.util.ArrayList;
import java.util.List;

/**
 * A tabular model, Gymnasium's {@code P[s][a]}: for each state and action the list of outcomes
 * {@code (probability, next state, reward, terminated)} in Gymnasium's order. Immutable; built with {@link Builder}.
 */
public final class TransitionTable {
  /** One possible result of an action. */
  public record Outcome(double probability, int next, double reward, boolean terminated) {}

  private final int states;
  private final int actions;
  private final int[] start;
  private final double[] cumulative;
  private final int[] next;
  private final double[] reward;
  private final boolean[] terminated;
  private final double[] probability;

  private TransitionTable(Builder b) {
    this.states = b.states;
    this.actions = b.actions;
    int pairs = states * actions;
    this.start = new int[pairs + 1];
    int total = 0;
    for (int i = 0; i < pairs; i++) {
      List<Outcome> list = b.outcomes.get(i);
      if (list.isEmpty()) {
        throw new IllegalStateException("transition table: state " + i / actions + " action " + i % actions
            + " has no outcome");
      }
      start[i] = total;
      total += list.size();
    }
    start[pairs] = total;
    cumulative = new double[total];
    next = new int[total];
    reward = new double[total];
    terminated = new boolean[total];
    probability = new double[total];
    for (int i = 0; i < pairs; i++) {
      double sum = 0;
      int k = start[i];
      for (Outcome o : b.outcomes.get(i)) {
        sum += o.probability();
        cumulative[k] = sum;
        probability[k] = o.probability();
        next[k] = o.next();
        reward[k] = o.reward();
        terminated[k] = o.terminated();
        k++;
      }
    }
  }

  public int states() {
    return states;
  }

  public int actions() {
    return actions;
  }

  /** The outcomes of {@code action} in {@code state}, in Gymnasium's order. */
  public List<Outcome> outcomes(int state, int action) {
    int i = state * actions + action;
    List<Outcome> out = new ArrayList<>(start[i + 1] - start[i]);
    for (int k = start[i]; k < start[i + 1]; k++) {
      out.add(new Outcome(probability[k], next[k], reward[k], terminated[k]));
    }
    return out;
  }

  /** The index of the outcome of {@code action} in {@code state} that a uniform draw {@code u} in [0, 1) selects. */
  int select(int state, int action, double u) {
    int i = state * actions + action;
    int last = start[i + 1] - 1;
    for (int k = start[i]; k < last; k++) {
      if (cumulative[k] > u) {
        return k;
      }
    }
    return last;
  }

  /** Whether {@code action} in {@code state} has a single outcome (no random draw needed). */
  boolean deterministic(int state, int action) {
    int i = state * actions + action;
    return start[i + 1] - start[i] == 1;
  }

  /** The first outcome index of a deterministic pair. */
  int only(int state, int action) {
    return start[state * actions + action];
  }

  int next(int k) {
    return next[k];
  }

  double reward(int k) {
    return reward[k];
  }

  boolean terminated(int k) {
    return terminated[k];
  }

  /** Collects outcomes state by state and action by action. */
  public static final class Builder {
    private final int states;
    private final int actions;
    private final List<List<Outcome>> outcomes;

    public Builder(int states, int actions) {
      if (states <= 0 || actions <= 0) {
        throw new IllegalArgumentException("transition table needs states > 0 and actions > 0, got " + states + ", " + actions);
      }
      this.states = states;
      this.actions = actions;
      this.outcomes = new ArrayList<>(states * actions);
      for (int i = 0; i < states * actions; i++) {
        outcomes.add(new ArrayList<>(3));
      }
    }

    /** Appends an outcome of {@code action} in {@code state}. */
    public Builder add(int state, int action, double probability, int next, double reward, boolean terminated) {
      if (state < 0 || state >= states || action < 0 || action >= actions || next < 0 || next >= states) {
        throw new IllegalArgumentException("transition (" + state + ", " + action + ") -> " + next + " is outside "
            + states + " states x " + actions + " actions");
      }
      outcomes.get(state * actions + action).add(new Outcome(probability, next, reward, terminated));
      return this;
    }

    public TransitionTable build() {
      return new TransitionTable(this);
    }
  }
}
