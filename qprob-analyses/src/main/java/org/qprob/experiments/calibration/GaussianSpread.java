package org.qprob.experiments.calibration;

/**
 * The spread a point-estimate prediction gets for calibration: the root mean square of the errors
 * {@code G_t - Q(s_t, a_t)} of the current values against realised returns, {@code sigma = sqrt(mean(e^2))} — the
 * maximum-likelihood standard deviation of a zero-mean normal error. At least {@link #MIN_SIGMA}, so that a perfect
 * fit still gives a proper distribution.
 */
public final class GaussianSpread {
  /** The smallest spread returned. */
  public static final double MIN_SIGMA = 1e-6;

  private GaussianSpread() {}

  /** {@code max(MIN_SIGMA, sqrt(mean((realised - predicted)^2)))}; NaN for no pairs or a non-finite error. */
  public static double fit(double[] predicted, double[] realised) {
    if (predicted.length != realised.length) {
      throw new IllegalArgumentException("spread fit needs one realised return per prediction: " + predicted.length
          + " predictions, " + realised.length + " returns");
    }
    if (predicted.length == 0) {
      return Double.NaN;
    }
    double squares = 0;
    for (int i = 0; i < predicted.length; i++) {
      double e = realised[i] - predicted[i];
      squares += e * e;
    }
    double sigma = Math.sqrt(squares / predicted.length);
    return Double.isFinite(sigma) ? Math.max(MIN_SIGMA, sigma) : Double.NaN;
  }
}
