package org.qprob.agents.training;

import org.qprob.api.agent.UpdateResult;
import org.qprob.api.run.Signal;

/** Called by {@link TrainingLoop} after each gradient step the agent took; may stop the loop (e.g. on divergence). */
@FunctionalInterface
public interface UpdateListener {
  /**
   * Sees one gradient step; returns whether to go on.
   *
   * @param envSteps training env steps taken, the step that led to this update included
   * @param episode the index of the episode under way, from 0
   * @param result what the update did
   */
  Signal onUpdate(long envSteps, long episode, UpdateResult result);
}
