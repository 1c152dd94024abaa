package org.qprob.experiments.report;

/**
 * One variant's curve across seeds on a common grid: at each {@code x}, the mean of the seeds' values and a
 * confidence band for it.
 *
 * @param variant the variant's name
 * @param seeds how many seeds the curve averages
 * @param x the grid
 * @param mean the mean across seeds at each grid point
 * @param lower the band's lower edge
 * @param upper the band's upper edge
 */
public record Band(String variant, int seeds, double[] x, double[] mean, double[] lower, double[] upper) {
  public Band {
    if (mean.length != x.length || lower.length != x.length || upper.length != x.length) {
      throw new IllegalArgumentException("a band needs as many means and edges as grid points: " + x.length);
    }
  }

  /** Whether the band has no points. */
  public boolean isEmpty() {
    return x.length == 0;
  }
}
