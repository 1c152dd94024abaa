package org.qprob.experiments.observe;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
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
  private byte[] lastAgent;

  public Checkpointer(Path folder, RunStart start, Agent agent) {
    this.file = folder.resolve(RunFiles.CHECKPOINT);
    this.start = start;
    this.agent = agent;
    this.lastAgent = start.checkpoint() == null ? null : start.checkpoint().agent();
  }

  @Override
  public void checkpointing(TrainingPosition position, boolean trainingDone) {
    start.episodes().sync();
    start.evaluations().sync();
    lastAgent = bytes(agent);
    new RunCheckpoint(start.configHash(), trainingDone, position, start.episodes().length(),
        start.evaluations().length(), lastAgent).write(file);
  }

  /** The agent's bytes in the last checkpoint written or resumed from; null before any. */
  public byte[] lastAgent() {
    return lastAgent;
  }

  static byte[] bytes(Agent agent) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      agent.checkpoint(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot checkpoint the agent: " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }
}
