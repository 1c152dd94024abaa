package org.qprob.experiments.report;

import java.util.Arrays;

/**
 * {@link Band}s for plots whose x values are fixed points (states, histogram bins, nominal levels) rather than
 * training time: at each point, the mean of the seeds' values with a bootstrap confidence interval, NaN values left
 * out; and reference lines drawn without a band.
 */
public final class PointBands {
  private PointBands() {}

  /**
   * The band of {@code values[seed][point]} over {@code x}: mean and {@code bootstrap} interval per point across the
   * seeds whose value there is not NaN (points with none are dropped).
   */
  public static Band acrossSeeds(String name, double[] x, double[][] values, Bootstrap bootstrap) {
    int seeds = values.length;
    double[] px = new double[x.length];
    double[] mean = new double[x.length];
    double[] lower = new double[x.length];
    double[] upper = new double[x.length];
    int kept = 0;
    for (int p = 0; p < x.length; p++) {
      final int point = p;
      double[] column = Arrays.stream(values).mapToDouble(v -> v[point]).filter(v -> !Double.isNaN(v)).toArray();
      if (column.length == 0) {
        continue;
      }
      Interval ci = bootstrap.meanInterval(column);
      px[kept] = x[p];
      mean[kept] = SeedAggregate.mean(column);
      lower[kept] = ci.lower();
      upper[kept] = ci.upper();
      kept++;
    }
    return new Band(name, seeds, Arrays.copyOf(px, kept), Arrays.copyOf(mean, kept), Arrays.copyOf(lower, kept),
        Arrays.copyOf(upper, kept));
  }

  /** A reference line through {@code (x, y)}, drawn without a band and labelled by its name alone (0 seeds). */
  public static Band line(String name, double[] x, double[] y) {
    return new Band(name, 0, x.clone(), y.clone(), y.clone(), y.clone());
  }
}
