package org.qprob.agents.network;

import org.qprob.agents.config.NetworkConfig;
import org.qprob.api.loss.OutputModel;

/**
 * The network side of a loss's {@link OutputModel}: turns a raw output row into the row the model reads, and gives
 * the chain-rule factor of each output. Optionally every raw output is clamped to {@code [clipMin, clipMax]} first
 * (zero slope outside, as {@code torch.clip}), and the model's location outputs (its first
 * {@link OutputModel#locationOutputs()}) pass through {@code exp} (mu = exp(raw), the original q-prob script).
 */
public final class OutputHead {
  private final OutputModel model;
  private final boolean clip;
  private final double clipMin;
  private final double clipMax;
  private final boolean exp;

  /** Fails with one line if {@code network.expLocations} is set for a model without location outputs. */
  public OutputHead(OutputModel model, NetworkConfig config) {
    this(model, config.clipOutputs(), config.clipMin(), config.clipMax(), config.expLocations());
  }

  public OutputHead(OutputModel model, boolean clip, double clipMin, double clipMax, boolean exp) {
    if (exp && model.locationOutputs() == 0) {
      throw new IllegalArgumentException("network.expLocations = true does not fit the " + model
          + ": its outputs are not return locations; expected false");
    }
    this.model = model;
    this.clip = clip;
    this.clipMin = clipMin;
    this.clipMax = clipMax;
    this.exp = exp;
  }

  /** The loss's output model. */
  public OutputModel model() {
    return model;
  }

  /** Raw outputs the network needs. */
  public int outputs() {
    return model.width();
  }

  public int actions() {
    return model.actions();
  }

  private double clamp(double x) {
    return clip ? Math.min(clipMax, Math.max(clipMin, x)) : x;
  }

  private double pass(double x) {
    return !clip || (x >= clipMin && x <= clipMax) ? 1 : 0;
  }

  private boolean exponential(int k) {
    return exp && k < model.locationOutputs();
  }

  /** Output {@code k} of a raw row, as the model reads it. */
  public double value(double[] raw, int k) {
    return value(raw, 0, k);
  }

  /** Output {@code k} of the raw row at {@code raw[offset ..]}, as the model reads it. */
  public double value(double[] raw, int offset, int k) {
    double t = clamp(raw[offset + k]);
    return exponential(k) ? Math.exp(t) : t;
  }

  /** d value(k) / d raw[k]. */
  public double slope(double[] raw, int k) {
    return slope(raw, 0, k);
  }

  /** d value(k) / d raw[offset + k] of the raw row at {@code raw[offset ..]}. */
  public double slope(double[] raw, int offset, int k) {
    double x = raw[offset + k];
    double p = pass(x);
    return p == 0 ? 0 : exponential(k) ? Math.exp(clamp(x)) : 1;
  }

  /** Whether every output passes unchanged (no clip, no exp): value is the raw output and slope is 1. */
  public boolean identity() {
    return !clip && !exp;
  }

  /**
   * {@code rows} raw rows, row-major, as the model reads them: {@code raw} itself when the head is the
   * {@link #identity()}, else a new array.
   */
  public double[] transformRows(double[] raw, int rows) {
    int w = outputs();
    if (raw.length != rows * w) {
      throw new IllegalArgumentException(raw.length + " raw outputs do not make " + rows + " rows of " + w);
    }
    if (identity()) {
      return raw;
    }
    double[] out = new double[raw.length];
    for (int i = 0; i < rows; i++) {
      for (int k = 0; k < w; k++) {
        out[i * w + k] = value(raw, i * w, k);
      }
    }
    return out;
  }

  /** The whole row {@code raw} as the model reads it, into {@code out[offset .. offset + outputs())}. */
  public void transform(double[] raw, double[] out, int offset) {
    if (!clip && !exp) {
      System.arraycopy(raw, 0, out, offset, raw.length); // value(raw, k) is raw[k]
      return;
    }
    for (int k = 0; k < raw.length; k++) {
      out[offset + k] = value(raw, k);
    }
  }

  @Override
  public String toString() {
    return "OutputHead(" + model + (clip ? ", clip [" + clipMin + ", " + clipMax + "]" : "")
        + (exp ? ", exp locations" : "") + ")";
  }
}
