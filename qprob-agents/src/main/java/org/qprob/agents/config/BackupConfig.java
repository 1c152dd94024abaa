package org.qprob.agents.config;

import java.util.List;

/**
 * The Bellman backup of the Q-learning agent: how the next state's value is formed.
 *
 * @param kind one of {@code auto} (gumbel for a loss with a Gumbel head and target, max otherwise), {@code max}
 *     ({@code max_a' Q(s', a')}: DQN), {@code soft} ({@code alpha * logsumexp(Q(s', .) / alpha)}: soft Q-learning) or
 *     {@code gumbel} (the loss builds {@code r + gamma * max_a' Gumbel(mu(s', a'), beta(s'))} itself); default
 *     {@code auto}, so that swapping the loss is the only change between the Gumbel agent and its L2 baseline
 * @param alpha the soft backup's temperature; default 1.0; ignored by the other kinds
 */
public record BackupConfig(String kind, double alpha) {

  /** Valid {@link #kind} values. */
  public static final List<String> KINDS = List.of("auto", "max", "soft", "gumbel");

  public BackupConfig {
    ConfigChecks.choice("backup.kind", kind, KINDS);
    ConfigChecks.range("backup.alpha", alpha, Double.MIN_VALUE, 1e12, "a temperature > 0");
  }

  /** {@code auto}, alpha 1. */
  public static BackupConfig defaults() {
    return new BackupConfig("auto", 1.0);
  }

  /** The given kind with alpha 1. */
  public static BackupConfig of(String kind) {
    return new BackupConfig(kind, 1.0);
  }
}
