package org.qprob.experiments.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;
import org.qprob.agents.config.ConfigKey;

/**
 * What the summary measures.
 *
 * @param threshold the return counted as solving the task, on a {@code window}-episode moving average of training
 *     returns; default unset = the environment's reward threshold (475 for CartPole-v1; none for environments without
 *     one, and then no threshold columns)
 * @param window the moving-average window for the threshold, at least 1; default 20
 * @param finalEpisodes how many last training episodes the final training return averages, at least 1; default 50
 * @param rankBy what the ranking section of {@code summary.md} orders the variants by, one of {@link RankMetric}'s
 *     keys ({@code final-return}, {@code final-eval}, {@code auc}, {@code steps-to-threshold}); default unset = no
 *     ranking, except in an experiment with a {@code sweep}, where it is {@code final-return}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReportConfig(Double threshold, int window, int finalEpisodes, String rankBy) {
  public ReportConfig {
    if (threshold != null && !Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold = " + threshold + " is invalid; expected a finite number");
    }
    if (window < 1) {
      throw new IllegalArgumentException("window = " + window + " is invalid; expected an integer >= 1");
    }
    if (finalEpisodes < 1) {
      throw new IllegalArgumentException("finalEpisodes = " + finalEpisodes + " is invalid; expected an integer >= 1");
    }
    if (rankBy != null) {
      ConfigKey.of(RankMetric.class, "rankBy", rankBy);
    }
  }

  /** The environment's threshold, a 20-episode window, the last 50 episodes, no ranking. */
  public static ReportConfig defaults() {
    return new ReportConfig(null, 20, 50, null);
  }

  /** This config with the threshold set. */
  public ReportConfig withThreshold(Double t) {
    return new ReportConfig(t, window, finalEpisodes, rankBy);
  }

  /** What the ranking section ranks by; empty for no ranking. */
  @JsonIgnore
  public Optional<RankMetric> rankMetric() {
    return rankBy == null ? Optional.empty() : Optional.of(ConfigKey.of(RankMetric.class, "rankBy", rankBy));
  }
}
