package org.qprob.agents.training;

import org.qprob.api.run.EpisodeRecord;
import org.qprob.api.run.Signal;

/** Called by {@link TrainingLoop} after each training episode; may stop the loop. */
@FunctionalInterface
public interface EpisodeListener {
  /** Sees one finished episode; returns whether to go on. */
  Signal onEpisode(EpisodeRecord episode);
}
