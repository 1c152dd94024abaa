package org.qprob.experiments.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Puts the seeds of a variant on a common grid and forms the mean curve with a bootstrap band, for the three plots:
 * training return against episodes, training return against env steps (each seed's curve linearly interpolated
 * between its episode ends), and greedy-evaluation return against env steps. Training returns are smoothed with a
 * trailing moving average before averaging across seeds.
 */
public final class Curves {
  /** The most points a curve against episodes gets (longer runs are subsampled evenly). */
  static final int MAX_EPISODE_POINTS = 500;
  /** The points of a curve against env steps. */
  static final int STEP_POINTS = 300;

  private final Bootstrap bootstrap;

  public Curves(Bootstrap bootstrap) {
    this.bootstrap = bootstrap;
  }

  /**
   * Training return (trailing {@code window}-episode mean) against episode number, over the episodes every seed
   * reached.
   */
  public Band againstEpisodes(String variant, List<LearningCurve> seeds, int window) {
    int common = seeds.stream().mapToInt(LearningCurve::episodes).min().orElse(0);
    if (common == 0) {
      return empty(variant, seeds.size());
    }
    int stride = Math.max(1, (int) Math.ceil(common / (double) MAX_EPISODE_POINTS));
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < common; i += stride) {
      idx.add(i);
    }
    if (idx.get(idx.size() - 1) != common - 1) {
      idx.add(common - 1);
    }
    double[][] smoothed = seeds.stream().map(c -> c.movingAverage(window)).toArray(double[][]::new);
    double[] x = new double[idx.size()];
    double[][] values = new double[idx.size()][seeds.size()];
    for (int p = 0; p < idx.size(); p++) {
      x[p] = idx.get(p) + 1;
      for (int s = 0; s < seeds.size(); s++) {
        values[p][s] = smoothed[s][idx.get(p)];
      }
    }
    return band(variant, x, values);
  }

  /**
   * Training return (trailing {@code window}-episode mean, placed at the env step each episode ended) against env
   * steps, over the range every seed covers.
   */
  public Band againstEnvSteps(String variant, List<LearningCurve> seeds, int window) {
    if (seeds.isEmpty() || seeds.stream().anyMatch(c -> c.episodes() == 0)) {
      return empty(variant, seeds.size());
    }
    List<double[]> xs = new ArrayList<>();
    List<double[]> ys = new ArrayList<>();
    for (LearningCurve c : seeds) {
      xs.add(Arrays.stream(c.envSteps()).asDoubleStream().toArray());
      ys.add(c.movingAverage(window));
    }
    return interpolated(variant, xs, ys, STEP_POINTS);
  }

  /** Mean greedy-evaluation return against env steps, over the range every seed covers. */
  public Band evaluations(String variant, List<RunResult> seeds) {
    if (seeds.isEmpty() || seeds.stream().anyMatch(r -> r.evaluations().isEmpty())) {
      return empty(variant, seeds.size());
    }
    List<double[]> xs = new ArrayList<>();
    List<double[]> ys = new ArrayList<>();
    for (RunResult r : seeds) {
      xs.add(r.evaluations().stream().mapToDouble(e -> e.envSteps()).toArray());
      ys.add(r.evaluations().stream().mapToDouble(e -> e.meanReturn()).toArray());
    }
    boolean aligned = xs.stream().allMatch(x -> Arrays.equals(x, xs.get(0)));
    if (aligned) {
      double[] x = xs.get(0);
      double[][] values = new double[x.length][seeds.size()];
      for (int p = 0; p < x.length; p++) {
        for (int s = 0; s < seeds.size(); s++) {
          values[p][s] = ys.get(s)[p];
        }
      }
      return band(variant, x, values);
    }
    return interpolated(variant, xs, ys, 100);
  }

  private Band interpolated(String variant, List<double[]> xs, List<double[]> ys, int points) {
    double lo = xs.stream().mapToDouble(x -> x[0]).max().orElseThrow();
    double hi = xs.stream().mapToDouble(x -> x[x.length - 1]).min().orElseThrow();
    if (!(hi >= lo)) {
      return empty(variant, xs.size());
    }
    int n = hi == lo ? 1 : points;
    double[] grid = new double[n];
    double[][] values = new double[n][xs.size()];
    for (int p = 0; p < n; p++) {
      grid[p] = n == 1 ? lo : lo + (hi - lo) * p / (n - 1);
      for (int s = 0; s < xs.size(); s++) {
        values[p][s] = interpolate(xs.get(s), ys.get(s), grid[p]);
      }
    }
    return band(variant, grid, values);
  }

  /**
   * The piecewise-linear interpolation of the points {@code (x[i], y[i])} at {@code at}, with {@code x}
   * non-decreasing; at a repeated x the later point wins; outside the range, the nearest end.
   */
  static double interpolate(double[] x, double[] y, double at) {
    if (at <= x[0]) {
      return y[0];
    }
    if (at >= x[x.length - 1]) {
      return y[y.length - 1];
    }
    int hi = 1;
    while (x[hi] < at) {
      hi++;
    }
    if (x[hi] == at) {
      while (hi + 1 < x.length && x[hi + 1] == at) {
        hi++;
      }
      return y[hi];
    }
    int lo = hi - 1;
    return y[lo] + (y[hi] - y[lo]) * (at - x[lo]) / (x[hi] - x[lo]);
  }

  private Band band(String variant, double[] x, double[][] values) {
    double[] mean = new double[x.length];
    double[] lower = new double[x.length];
    double[] upper = new double[x.length];
    for (int p = 0; p < x.length; p++) {
      mean[p] = SeedAggregate.mean(values[p]);
      Interval ci = bootstrap.meanInterval(values[p]);
      lower[p] = ci.lower();
      upper[p] = ci.upper();
    }
    return new Band(variant, values.length == 0 ? 0 : values[0].length, x, mean, lower, upper);
  }

  private static Band empty(String variant, int seeds) {
    return new Band(variant, seeds, new double[0], new double[0], new double[0], new double[0]);
  }
}
