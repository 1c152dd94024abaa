package org.qprob.experiments.calibration;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.qprob.api.dist.DiscreteDistribution;
import org.qprob.api.dist.Distribution;

/**
 * How well predicted return distributions match the returns that were realised, over {@code n} pairs
 * {@code (D_i, G_i)}:
 * <ul>
 *   <li>{@code nll}: the mean negative log-likelihood {@code -log density_i(G_i)} (lower is better; it rewards sharp
 *       and right predictions together);</li>
 *   <li>{@code cover50}, {@code cover90}: the fraction of {@code G_i} inside the central 50% and 90% intervals
 *       {@code [quantile_i(0.25), quantile_i(0.75)]}, {@code [quantile_i(0.05), quantile_i(0.95)]} (ideal 0.5, 0.9);</li>
 *   <li>{@code crps}: the mean continuous ranked probability score {@code integral (F_i(x) - 1{x >= G_i})^2 dx}
 *       (lower is better; defined for continuous and discrete predictions alike, so it compares a Gumbel, a
 *       categorical and a quantile prediction on one scale, in units of the return);</li>
 *   <li>{@code pit}: the histogram of the probability integral transform {@code u_i = cdf_i(G_i)} in {@value #BINS}
 *       equal bins of [0, 1] as fractions of n (bin k holds {@code (k-1)/10 <= u < k/10}, the last also u = 1); ideal:
 *       flat, every bin {@code 1/BINS}. Too many in the outer bins: the predictions are too narrow; in the middle:
 *       too wide; a slope: biased. For a discrete prediction the PIT is randomised,
 *       {@code u_i = F_i(G_i-) + V_i (F_i(G_i) - F_i(G_i-))} with {@code V_i} uniform, so that it is uniform when the
 *       prediction is calibrated;</li>
 *   <li>{@code bias}: the mean of {@code G_i - mean(D_i)}; {@code sd}: the mean predicted standard deviation
 *       {@code sqrt(variance(D_i))} (sharpness).</li>
 * </ul>
 * With no pairs every number is NaN.
 *
 * @param n the number of pairs
 * @param nll mean negative log-likelihood; NaN for discrete predictions, which have no density
 * @param cover50 coverage of the central 50% intervals
 * @param cover90 coverage of the central 90% intervals
 * @param bias mean realised minus predicted mean
 * @param sd mean predicted standard deviation
 * @param pit the PIT histogram, {@value #BINS} fractions summing to 1
 * @param crps mean continuous ranked probability score
 */
public record CalibrationMetrics(int n, double nll, double cover50, double cover90, double bias, double sd,
    double[] pit, double crps) {
  /** The PIT histogram's bins. */
  public static final int BINS = 10;

  public CalibrationMetrics {
    if (pit.length != BINS) {
      throw new IllegalArgumentException("PIT histogram has " + pit.length + " bins; expected " + BINS);
    }
    pit = pit.clone();
  }

  /** The metrics of no pairs: every number NaN. */
  public static CalibrationMetrics none() {
    double[] pit = new double[BINS];
    Arrays.fill(pit, Double.NaN);
    return new CalibrationMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, pit, Double.NaN);
  }

  /** The metrics of {@code n} pairs whose predictions were not valid distributions (a non-finite output): NaN. */
  public static CalibrationMetrics undefined(int n) {
    CalibrationMetrics none = none();
    return new CalibrationMetrics(n, none.nll, none.cover50, none.cover90, none.bias, none.sd, none.pit, none.crps);
  }

  /** The metrics of continuous {@code predicted[i]} against {@code realised[i]}. */
  public static CalibrationMetrics of(Distribution[] predicted, double[] realised) {
    return of(predicted, realised, null);
  }

  /**
   * The metrics of {@code predicted[i]} against {@code realised[i]}; {@code random} draws the randomised PIT of
   * discrete predictions (it may be null when every prediction is continuous).
   */
  public static CalibrationMetrics of(Distribution[] predicted, double[] realised, RandomGenerator random) {
    if (predicted.length != realised.length) {
      throw new IllegalArgumentException("calibration needs one realised return per prediction: " + predicted.length
          + " predictions, " + realised.length + " returns");
    }
    int n = predicted.length;
    if (n == 0) {
      return none();
    }
    double nll = 0;
    int in50 = 0;
    int in90 = 0;
    double bias = 0;
    double sd = 0;
    double[] pit = new double[BINS];
    double crps = 0;
    for (int i = 0; i < n; i++) {
      Distribution d = predicted[i];
      double g = realised[i];
      nll -= d.continuous() ? d.logDensity(g) : Double.NaN; // no density for discrete predictions
      if (g >= d.quantile(0.25) && g <= d.quantile(0.75)) {
        in50++;
      }
      if (g >= d.quantile(0.05) && g <= d.quantile(0.95)) {
        in90++;
      }
      bias += g - d.mean();
      sd += Math.sqrt(d.variance());
      crps += d.crps(g);
      double u = d.cdf(g);
      if (d instanceof DiscreteDistribution discrete && !Double.isNaN(u)) {
        double below = 0;
        for (int k = 0; k < discrete.size() && discrete.atom(k) < g; k++) {
          below += discrete.probability(k);
        }
        u = below + random.nextDouble() * (u - below);
      }
      if (Double.isNaN(u)) {
        Arrays.fill(pit, Double.NaN);
      } else {
        pit[Math.min(BINS - 1, (int) Math.floor(u * BINS))] += 1;
      }
    }
    for (int k = 0; k < BINS; k++) {
      pit[k] /= n;
    }
    return new CalibrationMetrics(n, nll / n, in50 / (double) n, in90 / (double) n, bias / n, sd / n, pit, crps / n);
  }

  /** The PIT histogram, a copy. */
  @Override
  public double[] pit() {
    return pit.clone();
  }

  /** The largest distance of a PIT bin from flat, {@code max_k |pit_k - 1/BINS|} (0 is perfect). */
  public double pitMaxDeviation() {
    double worst = 0;
    for (double p : pit) {
      if (Double.isNaN(p)) {
        return Double.NaN;
      }
      worst = Math.max(worst, Math.abs(p - 1.0 / BINS));
    }
    return worst;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CalibrationMetrics m && n == m.n && Double.compare(nll, m.nll) == 0
        && Double.compare(cover50, m.cover50) == 0 && Double.compare(cover90, m.cover90) == 0
        && Double.compare(bias, m.bias) == 0 && Double.compare(sd, m.sd) == 0 && Arrays.equals(pit, m.pit)
        && Double.compare(crps, m.crps) == 0;
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(n) * 31 + Arrays.hashCode(pit);
  }

  @Override
  public String toString() {
    return "CalibrationMetrics(n=" + n + ", nll=" + nll + ", cover50=" + cover50 + ", cover90=" + cover90 + ", bias="
        + bias + ", sd=" + sd + ", pit=" + Arrays.toString(pit) + ", crps=" + crps + ")";
  }
}
