package org.qprob.agents.config;

import java.util.List;
import java.util.stream.Stream;
import org.qprob.api.loss.Backup;

/**
 * The Bellman backup of the Q-learning agent: how the next state's value is formed ({@link Backup}).
 *
 * @param kind one of {@code auto} (the loss's default backup: gumbel for gumbel-kl, distributional for categorical and
 *     quantile-huber, max for the point losses), {@code max} ({@code max_a' Q(s', a')}: DQN), {@code soft}
 *     ({@code alpha * logsumexp(Q(s', .) / alpha)}: soft Q-learning), {@code gumbel}
 *     ({@code r + gamma * max_a' Gumbel(mu(s', a'), beta(s'))}) or {@code distributional} (the predicted return
 *     distribution of the greedy or double-selected next action); which fit is the loss's to say; default
 *     {@code auto}, so that swapping the loss is the only change between the Gumbel agent and its baselines
 * @param alpha the soft backup's temperature; default 1.0; ignored by the other kinds
 */
public record BackupConfig(String kind, double alpha) {

  /** The kind that takes the loss's default backup. */
  public static final String AUTO = "auto";

  /** Valid {@link #kind} values: {@code auto} and the {@link Backup} keys. */
  public static final List<String> KINDS = Stream.concat(Stream.of(AUTO), Backup.KEYS.stream()).toList();

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
