package org.qprob.experiments.report;

import java.util.Arrays;

/**
 * One metric aggregated across seeds: how many values, their mean with a bootstrap confidence interval, and their
 * interquartile mean.
 *
 * @param n number of values (seeds) it was computed from
 * @param mean arithmetic mean; NaN when {@code n == 0}
 * @param interval bootstrap confidence interval of the mean
 * @param iqm interquartile mean: the mean of the values left after dropping the lowest and the highest
 *     {@code floor(n/4)} (the 25% trimmed mean); NaN when {@code n == 0}
 */
public record SeedAggregate(int n, double mean, Interval interval, double iqm) {

  /** Aggregates {@code values} (NaN values are left out) with {@code bootstrap}. */
  public static SeedAggregate of(double[] values, Bootstrap bootstrap) {
    double[] finite = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    return new SeedAggregate(finite.length, mean(finite), bootstrap.meanInterval(finite), interquartileMean(finite));
  }

  /** The arithmetic mean; NaN for no values. */
  public static double mean(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s / values.length;
  }

  /** The 25% trimmed mean: sort, drop {@code floor(n/4)} values at each end, average the rest; NaN for none. */
  public static double interquartileMean(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int cut = sorted.length / 4;
    return mean(Arrays.copyOfRange(sorted, cut, sorted.length - cut));
  }
}
