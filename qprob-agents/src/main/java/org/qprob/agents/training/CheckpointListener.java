package org.qprob.agents.training;

import org.qprob.api.run.Signal;
import org.qprob.api.run.TrainingPosition;

/**
 * Called by {@link TrainingLoop} at the first episode boundary at or after every multiple of the checkpoint period
 * (in env steps), after the episode listener; the agent is between episodes, so its checkpoint and the position are
 * all a resumed loop needs. May stop the loop.
 */
@FunctionalInterface
public interface CheckpointListener {
  /** Saves what it needs at {@code position}; returns whether to go on. */
  Signal onCheckpoint(TrainingPosition position);
}
