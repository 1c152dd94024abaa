package org.qprob.experiments.observe;

import org.qprob.api.run.EpisodeRecord;
import org.qprob.api.run.RunObserver;
import org.qprob.api.run.Signal;

/** The mean return of a run's last {@code k} training episodes, for its outcome line. */
public final class FinalReturns implements RunObserver {
  private final double[] ring;
  private int count;

  /** @param k how many last episodes the mean covers, {@code >= 1} */
  public FinalReturns(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("final episodes = " + k + " is invalid; expected >= 1");
    }
    ring = new double[k];
  }

  /** Counts one episode's return (also those read back from a resumed run's log). */
  public void add(double episodeReturn) {
    ring[count % ring.length] = episodeReturn;
    count++;
  }

  @Override
  public Signal episodeEnded(EpisodeRecord episode) {
    add(episode.episodeReturn());
    return Signal.CONTINUE;
  }

  /** The mean of the last {@code k} returns; NaN before any. */
  public double mean() {
    int n = Math.min(count, ring.length);
    if (n == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += ring[i];
    }
    return s / n;
  }
}
