package org.qprob.experiments.run;

/** Hears about runs as they go, from the pool's threads (implementations must be thread-safe). */
public interface RunProgress {
  /** Nothing is reported. */
  RunProgress SILENT = new RunProgress() {};

  /** A run finished a training episode. */
  default void episode(RunSpec spec, EpisodeRow row) {}

  /** A run ended (finished, failed or skipped). */
  default void ended(RunOutcome outcome) {}
}
