package org.qprob.api.loss;

import java.util.Arrays;
import java.util.List;

/**
 * How the next state's prediction becomes the Bellman target (per sample, with the discount {@code d}, 0 at terminal
 * rows, and the reward {@code r}). A loss lists the backups it fits ({@link Loss#backups()}); the agent's
 * {@code backup.kind} picks one of them, {@code auto} the loss's first.
 */
public enum Backup {
  /** {@code y = r + d * Q(s', a*)}, {@code a* = argmax_a' Q(s', a')} or the double-DQN selector's choice (DQN). */
  MAX("max", true),
  /** {@code y = r + d * alpha * logsumexp(Q(s', .) / alpha)} (soft Q-learning); {@code alpha} is the agent's. */
  SOFT("soft", false),
  /** {@code p = r + d * max_a' Gumbel(mu(s', a'), beta(s'))}, itself a Gumbel (probabilistic Q-learning). */
  GUMBEL("gumbel", false),
  /** {@code Z = r + d * Z(s', a*)} for the predicted return distribution of {@code a*}, chosen as for {@link #MAX}. */
  DISTRIBUTIONAL("distributional", true);

  /** The config keys, in declaration order. */
  public static final List<String> KEYS = Arrays.stream(values()).map(Backup::key).toList();

  private final String key;
  private final boolean selectsAction;

  Backup(String key, boolean selectsAction) {
    this.key = key;
    this.selectsAction = selectsAction;
  }

  /** The name in configs, e.g. {@code max}. */
  public String key() {
    return key;
  }

  /**
   * Whether the target uses one next action {@code a*} (the greedy one by expected value, or double DQN's): the agent
   * then hands it in {@link TdBatch#nextActions()}.
   */
  public boolean selectsAction() {
    return selectsAction;
  }

  /**
   * The next-state value of a point backup from the next-state values {@code q} (length A): {@code q[selected]} for
   * {@link #MAX}, {@code alpha * logsumexp(q / alpha)} for {@link #SOFT}; {@code dValue} (length A, zeroed first)
   * receives {@code dV / dq}.
   *
   * @throws IllegalStateException for the backups that do not form a point value
   */
  public double pointValue(double[] q, int selected, double alpha, double[] dValue) {
    java.util.Arrays.fill(dValue, 0);
    switch (this) {
      case MAX -> {
        dValue[selected] = 1;
        return q[selected];
      }
      case SOFT -> {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : q) {
          max = Math.max(max, v);
        }
        double sum = 0;
        for (int a = 0; a < q.length; a++) {
          dValue[a] = Math.exp((q[a] - max) / alpha);
          sum += dValue[a];
        }
        for (int a = 0; a < q.length; a++) {
          dValue[a] /= sum;
        }
        return max + alpha * Math.log(sum);
      }
      default -> throw new IllegalStateException("backup " + key + " forms no point value");
    }
  }

  /** The backup named {@code key}; fails with one line naming the valid keys. */
  public static Backup of(String key) {
    int i = KEYS.indexOf(key);
    if (i < 0) {
      throw new IllegalArgumentException("backup.kind = " + (key == null ? "null" : "\"" + key + "\"")
          + " is invalid; expected one of " + KEYS);
    }
    return values()[i];
  }

  @Override
  public String toString() {
    return key;
  }
}
