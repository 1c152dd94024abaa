package org.qprob.experiments.observe;

import org.qprob.api.run.EpisodeRecord;
import org.qprob.api.run.RunObserver;
import org.qprob.api.run.Signal;
import org.qprob.experiments.run.EpisodeRow;
import org.qprob.experiments.run.RunProgress;
import org.qprob.experiments.run.RunSpec;

/** Tells the experiment's progress display about each training episode of one run. */
public final class ProgressReport implements RunObserver {
  private final RunSpec spec;
  private final RunProgress progress;

  public ProgressReport(RunSpec spec, RunProgress progress) {
    this.spec = spec;
    this.progress = progress;
  }

  @Override
  public Signal episodeEnded(EpisodeRecord episode) {
    progress.episode(spec, EpisodeRow.of(episode));
    return Signal.CONTINUE;
  }
}
