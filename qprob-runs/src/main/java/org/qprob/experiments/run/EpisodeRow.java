package org.qprob.experiments.run;

import java.util.List;
import org.qprob.api.run.EpisodeRecord;

/**
 * One training episode, one row of {@code episodes.csv}.
 *
 * @param episode the episode number, from 1
 * @param envSteps environment steps taken in the run up to the end of this episode
 * @param episodeReturn the undiscounted return of the episode
 * @param length the episode's number of steps
 * @param exploration the agent's exploration parameter (ε or the Boltzmann temperature) during the episode
 * @param meanLoss the mean loss of the updates made during the episode; NaN if none was made
 * @param meanBeta the mean predicted Gumbel scale beta = exp(nu) over those updates; NaN for agents without one
 * @param wallSeconds wall-clock seconds since the run started, at the end of the episode
 */
public record EpisodeRow(int episode, long envSteps, double episodeReturn, int length, double exploration,
    double meanLoss, double meanBeta, double wallSeconds) {

  /** The CSV columns, in order. */
  public static final List<String> COLUMNS = List.of("episode", "env_steps", "return", "length", "exploration",
      "mean_loss", "mean_beta", "wall_seconds");

  /** The row of a training episode (numbered from 1). */
  public static EpisodeRow of(EpisodeRecord e) {
    return new EpisodeRow(Math.toIntExact(e.episode() + 1), e.envSteps(), e.episodeReturn(), e.length(),
        e.explorationParameter(), e.meanLoss(), e.meanBeta(), e.wallSeconds());
  }

  /** This row as CSV fields (doubles in Java's shortest round-trip form, NaN as {@code NaN}). */
  public List<String> fields() {
    return List.of(Integer.toString(episode), Long.toString(envSteps), Double.toString(episodeReturn),
        Integer.toString(length), Double.toString(exploration), Double.toString(meanLoss), Double.toString(meanBeta),
        Double.toString(wallSeconds));
  }

  /** Parses what {@link #fields()} wrote. */
  public static EpisodeRow parse(List<String> f) {
    return new EpisodeRow(Integer.parseInt(f.get(0)), Long.parseLong(f.get(1)), Double.parseDouble(f.get(2)),
        Integer.parseInt(f.get(3)), Double.parseDouble(f.get(4)), Double.parseDouble(f.get(5)),
        Double.parseDouble(f.get(6)), Double.parseDouble(f.get(7)));
  }
}
