package org.qprob.experiments.observe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.qprob.api.agent.Agent;
import org.qprob.api.run.RunObserver;
import org.qprob.api.run.TrainingPosition;
import org.qprob.experiments.run.RunCheckpoint;
import org.qprob.experiments.run.RunFiles;

/**
 * Writes the run's {@link RunCheckpoint}: the agent, the position, and the lengths of the CSV logs, synced first. It is
 * bound after every other observer, so that each of them has saved its own state for the position when the checkpoint
 * that names it appears.
 */
public final class Checkpointer implements RunObserver {
  private final Path file;
  private final RunStart start;
  private final Agent agent;

  public Checkpointer(Path folder, RunStart start, Agent agent) {
    this.file = folder.resolve(RunFiles.CHECKPOINT);
    this.start = start;
    this.agent = agent;
  }

  /** Streams the agent straight into the checkpoint file: no copy of its bytes is held in memory. */
  @Override
  public void checkpointing(TrainingPosition position, boolean trainingDone) {
    start.episodes().sync();
    start.evaluations().sync();
    RunCheckpoint.write(file, start.configHash(), trainingDone, position, start.episodes().length(),
        start.evaluations().length(), agent::checkpoint);
  }

  /**
   * Writes the agent's bytes of the last checkpoint (written, or resumed from) to {@code target}, file to file: the
   * trained agent once the final checkpoint is taken.
   */
  public void copyLastAgent(Path target) {
    try {
      RunCheckpoint.copyAgent(file, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + " from " + file + ": " + e.getMessage(), e);
    }
  }
}
