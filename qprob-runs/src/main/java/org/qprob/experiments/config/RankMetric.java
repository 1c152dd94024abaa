package org.qprob.experiments.config;

import org.qprob.agents.config.ConfigKey;

/** What {@code report.rankBy} ranks a sweep's variants by, per seed, then by the mean across seeds. */
public enum RankMetric implements ConfigKey {
  /** The mean return of the last {@code report.finalEpisodes} training episodes; higher is better. */
  FINAL_RETURN("final-return", true),
  /** The return of the last greedy evaluation; higher is better. */
  FINAL_EVAL("final-eval", true),
  /** The area under return-versus-env-steps divided by the steps spanned; higher is better. */
  AUC("auc", true),
  /** The env steps until the moving average first reached {@code report.threshold}; fewer is better. */
  STEPS_TO_THRESHOLD("steps-to-threshold", false);

  private final String key;
  private final boolean higherIsBetter;

  RankMetric(String key, boolean higherIsBetter) {
    this.key = key;
    this.higherIsBetter = higherIsBetter;
  }

  @Override
  public String key() {
    return key;
  }

  /** Whether a larger value ranks first. */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }
}
