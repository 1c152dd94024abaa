package org.qprob.losses;

/**
 * Per-sample loss values and their analytic gradients, each array parallel to the {@link LossBatch} field it
 * differentiates (so {@code dPrediction[i] = d value[i] / d prediction[i]}). Gradients are of each sample's own value,
 * not of the batch mean. Target-side gradients are null unless they were asked for.
 *
 * @param value per-sample loss
 * @param dPrediction w.r.t. {@link LossBatch#prediction()}
 * @param dPredictionLogScale w.r.t. {@link LossBatch#predictionLogScale()}; null for point heads
 * @param dTarget w.r.t. {@link LossBatch#target()}; null unless asked for, or when the loss has no point target
 * @param dNextLocation w.r.t. {@link LossBatch#nextLocation()}; null unless asked for
 * @param dNextLogScale w.r.t. {@link LossBatch#nextLogScale()}; null unless asked for
 */
public record LossResult(
    double[] value,
    double[] dPrediction,
    double[] dPredictionLogScale,
    double[] dTarget,
    double[] dNextLocation,
    double[] dNextLogScale) {

  /** The mean of the per-sample values. */
  public double mean() {
    double s = 0;
    for (double v : value) {
      s += v;
    }
    return s / value.length;
  }
}
