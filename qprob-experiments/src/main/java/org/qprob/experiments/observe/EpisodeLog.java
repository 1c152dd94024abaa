package org.qprob.experiments.observe;

import org.qprob.api.run.EpisodeRecord;
import org.qprob.api.run.RunObserver;
import org.qprob.api.run.Signal;
import org.qprob.experiments.run.CsvLog;
import org.qprob.experiments.run.EpisodeRow;

/** Writes each training episode as a row of {@code episodes.csv}. */
public final class EpisodeLog implements RunObserver {
  private final CsvLog log;

  public EpisodeLog(CsvLog log) {
    this.log = log;
  }

  @Override
  public Signal episodeEnded(EpisodeRecord episode) {
    log.append(EpisodeRow.of(episode).fields());
    return Signal.CONTINUE;
  }

  @Override
  public void completed(boolean finished) {
    log.complete();
  }

  @Override
  public void close() {
    log.close();
  }
}
