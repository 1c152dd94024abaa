package org.qprob.api.agent;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A learning agent, kept narrow: the runner owns the loop (reset, step, evaluation, checkpoints) and calls these;
 * the agent owns its networks, replay, exploration and update rule. All its randomness comes from generators it was
 * given at construction.
 */
public interface Agent {
  /** An action for {@code observation}. */
  int act(float[] observation, ActMode mode);

  /** Records one step; an episode end ({@link Transition#episodeEnd()}) also advances per-episode schedules. */
  void observe(Transition transition);

  /** One learning step if the agent is ready for one (e.g. enough transitions stored). */
  UpdateResult update();

  /** The current exploration parameter (ε, or the Boltzmann temperature), for the episode log. */
  double explorationParameter();

  /** Writes everything needed to continue exactly: parameters, optimizer state, replay, generators, schedules, counters. */
  void checkpoint(DataOutputStream out) throws IOException;

  /** Restores what {@link #checkpoint} wrote, into an agent built from the same configuration. */
  void restore(DataInputStream in) throws IOException;
}
