package org.qprob.agents.network;

/**
 * A plain-Java copy of an {@link Mlp}'s parameters that evaluates one observation in a few microseconds (a DL4J
 * forward pass of one row costs 100–200 µs of native-call overhead). Weights are kept as one array per input unit
 * (its outgoing weights), so each layer is a sum of scaled rows ({@code y += x[i] * W[i]}), a loop the JIT
 * vectorises (a dot-product reduction over floats it does not); zero inputs are skipped. A convolution keeps one
 * array of filter weights per patch element and sums, per output position, the rows of the cells its patch reads
 * (MinAtar's grids are mostly zeros). Refresh it from the network after each update.
 */
public final class HostMlp {
  private final LayerLayout layout;
  private final int[] sizes;
  private final Activations activation;
  private final float[][][] weights;
  private final float[][] biases;
  private final float[][] buffers;

  HostMlp(LayerLayout layout, Activations activation) {
    this.layout = layout;
    this.sizes = layout.sizes.clone();
    this.activation = activation;
    int layers = sizes.length - 1;
    weights = new float[layers][][];
    biases = new float[layers][];
    buffers = new float[layers][];
    for (int l = 0; l < layers; l++) {
      weights[l] = new float[layout.fanIn(l)][layout.units(l)];
      biases[l] = new float[layout.units(l)];
      buffers[l] = new float[sizes[l + 1]];
    }
  }

  /**
   * Copies the parameters from DL4J's flat layout ({@link LayerLayout}): a dense layer's W of shape [in, out] in
   * column-major order (so unit j's incoming weights are contiguous), a convolution's W' [filters, patch] row-major;
   * each layer's bias where the layout puts it.
   */
  void load(float[] flat) {
    if (flat.length != layout.parameterCount) {
      throw new IllegalStateException("parameter count " + flat.length + " does not match layer sizes ("
          + layout.parameterCount + ")");
    }
    for (int l = 0; l < weights.length; l++) {
      int in = layout.fanIn(l);
      int out = layout.units(l);
      int off = (int) layout.weightAt[l];
      float[][] w = weights[l];
      for (int j = 0; j < out; j++) {
        int column = off + j * in;
        for (int i = 0; i < in; i++) {
          w[i][j] = flat[column + i];
        }
      }
      System.arraycopy(flat, (int) layout.biasAt[l], biases[l], 0, out);
    }
  }

  /** The raw outputs for one encoded input; the returned array is reused by the next call. */
  public float[] forward(float[] input) {
    if (input.length != sizes[0]) {
      fail(input.length, 0);
    }
    float[] x = input;
    for (int l = 0; l < weights.length; l++) {
      float[] y = buffers[l];
      if (layout.convolutional(l)) {
        convolve(x, y);
      } else {
        dense(l, x, y);
      }
      if (l < weights.length - 1) {
        activation.apply(y, y.length);
      }
      x = y;
    }
    return x;
  }

  private void dense(int l, float[] x, float[] y) {
    float[][] w = weights[l];
    int in = x.length == sizes[l] ? sizes[l] : fail(x.length, l);
    int out = y.length;
    System.arraycopy(biases[l], 0, y, 0, out);
    for (int i = 0; i < in; i++) {
      float xi = x[i];
      if (xi == 0f) {
        continue;
      }
      float[] row = w[i];
      for (int j = 0; j < out; j++) {
        y[j] += xi * row[j];
      }
    }
  }

  private void convolve(float[] x, float[] y) {
    Convolution conv = layout.conv;
    float[][] w = weights[0];
    float[] b = biases[0];
    int filters = conv.filters;
    int patch = conv.patch();
    for (int p = 0; p < conv.positions(); p++) {
      int o = p * filters;
      System.arraycopy(b, 0, y, o, filters);
      for (int e = 0; e < patch; e++) {
        int cell = conv.source(p, e);
        if (cell < 0 || x[cell] == 0f) {
          continue;
        }
        float xi = x[cell];
        float[] row = w[e];
        for (int f = 0; f < filters; f++) {
          y[o + f] += xi * row[f];
        }
      }
    }
  }

  private int fail(int got, int layer) {
    throw new IllegalArgumentException("input width " + got + " does not match layer " + layer + " width " + sizes[layer]);
  }
}
