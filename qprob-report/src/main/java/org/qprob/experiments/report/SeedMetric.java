package org.qprob.experiments.report;

import java.util.List;

/** A number measured once per finished run (seed), which the report aggregates and compares across variants. */
public enum SeedMetric {
  /** The mean return of the run's last {@code finalEpisodes} training episodes. */
  FINAL_TRAINING("final training return", "final_train"),
  /** The mean return of the run's last greedy evaluation; NaN without one. */
  FINAL_EVALUATION("final greedy eval", "final_eval"),
  /** The area under return-versus-env-steps divided by the steps spanned. */
  AUC_PER_ENV_STEP("mean return over env steps (AUC)", "auc_per_env_step");

  private final String label;
  private final String key;

  SeedMetric(String label, String key) {
    this.label = label;
    this.key = key;
  }

  /** The column heading in {@code summary.md}. */
  public String label() {
    return label;
  }

  /** The name in CSV files. */
  public String key() {
    return key;
  }

  /** This metric of one run. */
  public double of(RunResult run, int finalEpisodes) {
    return switch (this) {
      case FINAL_TRAINING -> run.curve().finalMean(finalEpisodes);
      case FINAL_EVALUATION -> run.lastEvaluationReturn();
      case AUC_PER_ENV_STEP -> run.curve().areaPerEnvStep();
    };
  }

  /** This metric of each run, NaN values (runs without an evaluation) left out. */
  public double[] of(List<RunResult> runs, int finalEpisodes) {
    return runs.stream().mapToDouble(r -> of(r, finalEpisodes)).filter(v -> !Double.isNaN(v)).toArray();
  }
}
