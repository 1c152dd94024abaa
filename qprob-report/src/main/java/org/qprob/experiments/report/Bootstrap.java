package org.qprob.experiments.report;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;

/**
 * Percentile bootstrap confidence intervals for the mean of a small sample (one value per seed): the sample is
 * resampled with replacement {@code resamples} times, and the interval runs between the {@code (1-level)/2} and
 * {@code (1+level)/2} quantiles of the resampled means. Two samples (two variants' seeds) are compared the same way,
 * each resampled on its own. The generator is seeded with a fixed seed, so the same data always give the same
 * interval.
 */
public final class Bootstrap {
  /** 10,000 resamples, 95% level, seed 20240601: what every qprob report uses. */
  public static final Bootstrap STANDARD = new Bootstrap(10_000, 0.95, 20240601L);

  private final int resamples;
  private final double level;
  private final long seed;

  /**
   * @param resamples number of bootstrap resamples, at least 100
   * @param level confidence level in (0, 1)
   * @param seed seed of the resampling generator
   */
  public Bootstrap(int resamples, double level, long seed) {
    if (resamples < 100) {
      throw new IllegalArgumentException("bootstrap resamples = " + resamples + " is invalid; expected at least 100");
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("bootstrap level = " + level + " is invalid; expected a number in (0, 1)");
    }
    this.resamples = resamples;
    this.level = level;
    this.seed = seed;
  }

  public double level() {
    return level;
  }

  public int resamples() {
    return resamples;
  }

  /** The interval for the mean of {@code sample}; a point for one value, {@link Interval#NONE} for none. */
  public Interval meanInterval(double[] sample) {
    int n = sample.length;
    if (n == 0) {
      return Interval.NONE;
    }
    if (n == 1) {
      return new Interval(sample[0], sample[0]);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] means = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += sample[random.nextInt(n)];
      }
      means[b] = sum / n;
    }
    Arrays.sort(means);
    return new Interval(quantile(means, (1 - level) / 2), quantile(means, (1 + level) / 2));
  }

  /**
   * The interval for {@code mean(a) - mean(b)} of two independent samples, each resampled on its own; {@link
   * Interval#NONE} when either has fewer than two values (one value per group gives no spread to resample).
   */
  public Interval differenceInterval(double[] a, double[] b) {
    return twoSampleInterval(a, b, (x, y) -> SeedAggregate.mean(x) - SeedAggregate.mean(y));
  }

  /**
   * The interval for {@link #probabilityOfImprovement} of two independent samples, each resampled on its own;
   * {@link Interval#NONE} when either has fewer than two values.
   */
  public Interval improvementInterval(double[] a, double[] b) {
    return twoSampleInterval(a, b, Bootstrap::probabilityOfImprovement);
  }

  /**
   * {@code P(X > Y) + P(X = Y) / 2} for X drawn from {@code a} and Y from {@code b}, over all pairs: the probability
   * that a seed of the first sample beats a seed of the second (the Mann-Whitney U statistic over {@code n m}).
   */
  public static double probabilityOfImprovement(double[] a, double[] b) {
    if (a.length == 0 || b.length == 0) {
      return Double.NaN;
    }
    double wins = 0;
    for (double x : a) {
      for (double y : b) {
        wins += x > y ? 1 : x == y ? 0.5 : 0;
      }
    }
    return wins / ((double) a.length * b.length);
  }

  private Interval twoSampleInterval(double[] a, double[] b, ToDoubleBiFunction<double[], double[]> statistic) {
    if (a.length < 2 || b.length < 2) {
      return Interval.NONE;
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[a.length];
    double[] y = new double[b.length];
    double[] values = new double[resamples];
    for (int r = 0; r < resamples; r++) {
      for (int i = 0; i < x.length; i++) {
        x[i] = a[random.nextInt(a.length)];
      }
      for (int j = 0; j < y.length; j++) {
        y[j] = b[random.nextInt(b.length)];
      }
      values[r] = statistic.applyAsDouble(x, y);
    }
    Arrays.sort(values);
    return new Interval(quantile(values, (1 - level) / 2), quantile(values, (1 + level) / 2));
  }

  /** The {@code p}-quantile of sorted values, interpolating linearly between order statistics. */
  static double quantile(double[] sorted, double p) {
    double pos = p * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  @Override
  public String toString() {
    return "Bootstrap(resamples=" + resamples + ", level=" + level + ", seed=" + seed + ")";
  }
}
