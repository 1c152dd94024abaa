package org.qprob.experiments.report;

import java.util.List;
import java.util.OptionalInt;
import org.qprob.experiments.run.EpisodeRow;

/**
 * The training returns of one run, episode by episode, with the environment steps at each episode's end, and the
 * measures the summary takes from them.
 */
public final class LearningCurve {
  private final double[] returns;
  private final long[] envSteps;

  /**
   * @param returns the return of episode {@code i+1} at index {@code i}
   * @param envSteps the cumulative environment steps at the end of episode {@code i+1}; non-decreasing
   */
  public LearningCurve(double[] returns, long[] envSteps) {
    if (returns.length != envSteps.length) {
      throw new IllegalArgumentException("a learning curve needs one step count per return: " + returns.length
          + " vs " + envSteps.length);
    }
    for (int i = 1; i < envSteps.length; i++) {
      if (envSteps[i] < envSteps[i - 1]) {
        throw new IllegalArgumentException("env steps decrease at episode " + (i + 1) + ": " + envSteps[i - 1]
            + " then " + envSteps[i]);
      }
    }
    this.returns = returns.clone();
    this.envSteps = envSteps.clone();
  }

  /** The curve of an {@code episodes.csv}'s rows. */
  public static LearningCurve of(List<EpisodeRow> rows) {
    double[] r = new double[rows.size()];
    long[] s = new long[rows.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = rows.get(i).episodeReturn();
      s[i] = rows.get(i).envSteps();
    }
    return new LearningCurve(r, s);
  }

  public int episodes() {
    return returns.length;
  }

  public double[] returns() {
    return returns.clone();
  }

  public long[] envSteps() {
    return envSteps.clone();
  }

  /** The total environment steps of the run; 0 with no episode. */
  public long totalEnvSteps() {
    return envSteps.length == 0 ? 0 : envSteps[envSteps.length - 1];
  }

  /** The mean return of the last {@code k} episodes (all of them if fewer); NaN with no episode. */
  public double finalMean(int k) {
    int n = Math.min(k, returns.length);
    if (n == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (int i = returns.length - n; i < returns.length; i++) {
      s += returns[i];
    }
    return s / n;
  }

  /**
   * The trailing moving average: entry {@code i} is the mean of episodes {@code max(0, i-window+1)..i}, so the first
   * {@code window-1} entries average fewer episodes.
   */
  public double[] movingAverage(int window) {
    if (window < 1) {
      throw new IllegalArgumentException("moving-average window = " + window + " is invalid; expected at least 1");
    }
    double[] out = new double[returns.length];
    double sum = 0;
    for (int i = 0; i < returns.length; i++) {
      sum += returns[i];
      if (i >= window) {
        sum -= returns[i - window];
      }
      out[i] = sum / Math.min(i + 1, window);
    }
    return out;
  }

  /**
   * The first episode (numbered from 1) at which the mean of the last {@code window} full episodes reaches
   * {@code threshold}; only full windows count, so the answer is at least {@code window}. Empty if never.
   */
  public OptionalInt firstEpisodeReaching(double threshold, int window) {
    double[] ma = movingAverage(window);
    for (int i = window - 1; i < ma.length; i++) {
      if (ma[i] >= threshold) {
        return OptionalInt.of(i + 1);
      }
    }
    return OptionalInt.empty();
  }

  /** The environment steps at the end of episode {@code episode} (numbered from 1). */
  public long envStepsAtEpisode(int episode) {
    return envSteps[episode - 1];
  }

  /**
   * The area under the return-versus-episode curve divided by the number of episodes: the mean training return over
   * the whole run. NaN with no episode.
   */
  public double areaPerEpisode() {
    return SeedAggregate.mean(returns);
  }

  /**
   * The area under the return-versus-env-steps curve (each episode's return placed at the env step its episode
   * ended, trapezoid rule) divided by the steps it spans: a time-weighted mean return. NaN with fewer than two
   * episodes.
   */
  public double areaPerEnvStep() {
    if (returns.length < 2 || envSteps[returns.length - 1] == envSteps[0]) {
      return Double.NaN;
    }
    double area = 0;
    for (int i = 1; i < returns.length; i++) {
      area += 0.5 * (returns[i] + returns[i - 1]) * (envSteps[i] - envSteps[i - 1]);
    }
    return area / (envSteps[returns.length - 1] - envSteps[0]);
  }
}
