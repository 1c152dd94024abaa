package org.qprob.experiments.observe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.qprob.api.run.TrainingPosition;
import org.qprob.experiments.run.CsvLog;
import org.qprob.experiments.run.EpisodeRow;
import org.qprob.experiments.run.Provenance;
import org.qprob.experiments.run.RunCheckpoint;

/**
 * How a run starts: afresh, or from the checkpoint of an earlier attempt with its logs reopened at the lengths the
 * checkpoint recorded.
 *
 * @param configYaml the run's {@code config.yaml} text
 * @param provenance the provenance written when the run started (or resumed)
 * @param checkpoint the checkpoint it continues from; null for a fresh start
 * @param configHash the hash of the run's identity, which its checkpoints carry
 * @param episodes the open {@code episodes.csv} log
 * @param evaluations the open {@code eval.csv} log
 * @param loggedEpisodes the episodes a resumed run had logged up to its checkpoint; empty for a fresh start
 */
public record RunStart(String configYaml, Provenance provenance, RunCheckpoint checkpoint, String configHash,
    CsvLog episodes, CsvLog evaluations, List<EpisodeRow> loggedEpisodes) {
  public RunStart {
    Objects.requireNonNull(configYaml, "configYaml");
    loggedEpisodes = List.copyOf(loggedEpisodes);
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(configHash, "configHash");
    Objects.requireNonNull(episodes, "episodes");
    Objects.requireNonNull(evaluations, "evaluations");
  }

  /** The position a resumed run continues from; empty for a fresh one. */
  public Optional<TrainingPosition> resumedFrom() {
    return checkpoint == null ? Optional.empty() : Optional.of(checkpoint.position());
  }

  /** Closes both logs, keeping what they hold under their partial names. */
  public void closeLogs() {
    episodes.close();
    evaluations.close();
  }
}
