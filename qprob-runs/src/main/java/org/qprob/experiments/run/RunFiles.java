package org.qprob.experiments.run;

import java.nio.file.Path;
import java.util.List;

/** The names of the files in a run's folder. */
public final class RunFiles {
  /** The run's resolved config (its {@link RunSpec}), YAML. */
  public static final String CONFIG = "config.yaml";
  /** The run's {@link Provenance}, JSON. */
  public static final String PROVENANCE = "provenance.json";
  /** One {@link EpisodeRow} per training episode. */
  public static final String EPISODES = "episodes.csv";
  /** One {@link EvaluationRow} per evaluation. */
  public static final String EVALUATIONS = "eval.csv";
  /** The final agent's checkpoint: network parameters, optimizer state, replay, generators, schedules. */
  public static final String AGENT = "final-agent.ckpt";
  /** The run's latest checkpoint ({@link RunCheckpoint}): what it needs to continue exactly. */
  public static final String CHECKPOINT = "checkpoint.bin";
  /** The checkpoint being written; renamed over {@link #CHECKPOINT} once complete on disk. */
  public static final String CHECKPOINT_TEMP = "checkpoint.tmp";
  /** The stack trace of a failed run. */
  public static final String ERROR = "error.txt";
  /** The calibration of the agent's predictions at each evaluation (agents that predict values). */
  public static final String CALIBRATION = "calibration.csv";
  /** The training episodes the calibration's Gaussian spread is fitted on, saved at each checkpoint. */
  public static final String CALIBRATION_STATE = "calibration-state.bin";

  private RunFiles() {}

  /** Every file a run writes, under final, partial or temporary names; a fresh start removes these first. */
  public static List<Path> all(Path folder) {
    return List.of(folder.resolve(CONFIG), folder.resolve(PROVENANCE), folder.resolve(EPISODES),
        CsvLog.partialOf(folder.resolve(EPISODES)), folder.resolve(EVALUATIONS),
        CsvLog.partialOf(folder.resolve(EVALUATIONS)), folder.resolve(AGENT), folder.resolve(ERROR),
        folder.resolve(CHECKPOINT), folder.resolve(CHECKPOINT_TEMP), folder.resolve(CALIBRATION),
        CsvLog.partialOf(folder.resolve(CALIBRATION)), folder.resolve(CALIBRATION_STATE));
  }
}
