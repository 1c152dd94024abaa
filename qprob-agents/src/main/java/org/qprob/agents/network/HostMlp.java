package org.qprob.agents.network;

/**
 * A plain-Java copy of an {@link Mlp}'s parameters that evaluates one observation in a few microseconds (a DL4J
 * forward pass of one row costs 100–200 µs of native-call overhead). Refresh it from the network after each update.
 *
 * <p>A dense layer keeps DL4J's layout as it is ({@code W'} row-major, unit j's incoming weights contiguous), so a
 * refresh is one copy per layer and no transpose (transposing MinAtar's 1,024 x 128 layer after every update took
 * about a fifth of a training step). Unit j's output is {@code b_j + x_i1 W'_j,i1 + x_i2 W'_j,i2 + ...} over the
 * nonzero inputs {@code i1 < i2 < ...}, added in that order in single precision (ReLU outputs and MinAtar's grids are
 * mostly zeros); eight units at a time, each with its own running sum, so the adds overlap while each unit's sum is
 * formed exactly as a scaled-row loop {@code y += x_i W_i} over the same inputs would form it. A convolution keeps one
 * array of filter weights per patch element and sums, per output position, the rows of the cells its patch reads.
 */
public final class HostMlp {
  /** Units summed side by side in a dense layer. */
  private static final int BLOCK = 8;

  private final LayerLayout layout;
  private final int[] sizes;
  private final Activations activation;
  /** Dense layers: W' [out, in] row-major; the convolution (layer 0 if any): null. */
  private final float[][] dense;
  /** The convolution's weights, one array of filter weights per patch element; null without one. */
  private final float[][] filters;
  private final float[][] biases;
  private final float[][] buffers;
  private final int[] nonzeroAt;
  private final float[] nonzero;

  HostMlp(LayerLayout layout, Activations activation) {
    this.layout = layout;
    this.sizes = layout.sizes.clone();
    this.activation = activation;
    int layers = sizes.length - 1;
    dense = new float[layers][];
    biases = new float[layers][];
    buffers = new float[layers][];
    float[][] conv = null;
    int widest = 0;
    for (int l = 0; l < layers; l++) {
      if (layout.convolutional(l)) {
        conv = new float[layout.fanIn(l)][layout.units(l)];
      } else {
        dense[l] = new float[layout.fanIn(l) * layout.units(l)];
        widest = Math.max(widest, layout.fanIn(l));
      }
      biases[l] = new float[layout.units(l)];
      buffers[l] = new float[sizes[l + 1]];
    }
    filters = conv;
    nonzeroAt = new int[widest];
    nonzero = new float[widest];
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
    for (int l = 0; l < dense.length; l++) {
      int in = layout.fanIn(l);
      int out = layout.units(l);
      int off = (int) layout.weightAt[l];
      if (dense[l] != null) {
        System.arraycopy(flat, off, dense[l], 0, in * out);
      } else {
        for (int j = 0; j < out; j++) {
          int column = off + j * in;
          for (int i = 0; i < in; i++) {
            filters[i][j] = flat[column + i];
          }
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
    for (int l = 0; l < dense.length; l++) {
      float[] y = buffers[l];
      if (layout.convolutional(l)) {
        convolve(x, y);
      } else {
        dense(l, x, y);
      }
      if (l < dense.length - 1) {
        activation.apply(y, y.length);
      }
      x = y;
    }
    return x;
  }

  private void dense(int l, float[] x, float[] y) {
    float[] w = dense[l];
    float[] b = biases[l];
    int in = x.length == sizes[l] ? sizes[l] : fail(x.length, l);
    int out = y.length;
    int[] at = nonzeroAt;
    float[] v = nonzero;
    int n = 0;
    for (int i = 0; i < in; i++) {
      float xi = x[i];
      if (xi != 0f) {
        at[n] = i;
        v[n] = xi;
        n++;
      }
    }
    int j = 0;
    for (; j + BLOCK <= out; j += BLOCK) {
      int r0 = j * in;
      int r1 = r0 + in;
      int r2 = r1 + in;
      int r3 = r2 + in;
      int r4 = r3 + in;
      int r5 = r4 + in;
      int r6 = r5 + in;
      int r7 = r6 + in;
      float s0 = b[j];
      float s1 = b[j + 1];
      float s2 = b[j + 2];
      float s3 = b[j + 3];
      float s4 = b[j + 4];
      float s5 = b[j + 5];
      float s6 = b[j + 6];
      float s7 = b[j + 7];
      for (int k = 0; k < n; k++) {
        int i = at[k];
        float xi = v[k];
        s0 += xi * w[r0 + i];
        s1 += xi * w[r1 + i];
        s2 += xi * w[r2 + i];
        s3 += xi * w[r3 + i];
        s4 += xi * w[r4 + i];
        s5 += xi * w[r5 + i];
        s6 += xi * w[r6 + i];
        s7 += xi * w[r7 + i];
      }
      y[j] = s0;
      y[j + 1] = s1;
      y[j + 2] = s2;
      y[j + 3] = s3;
      y[j + 4] = s4;
      y[j + 5] = s5;
      y[j + 6] = s6;
      y[j + 7] = s7;
    }
    for (; j < out; j++) {
      int r = j * in;
      float s = b[j];
      for (int k = 0; k < n; k++) {
        s += v[k] * w[r + at[k]];
      }
      y[j] = s;
    }
  }

  private void convolve(float[] x, float[] y) {
    Convolution conv = layout.conv;
    float[][] w = filters;
    float[] b = biases[0];
    int count = conv.filters;
    int patch = conv.patch();
    for (int p = 0; p < conv.positions(); p++) {
      int o = p * count;
      System.arraycopy(b, 0, y, o, count);
      for (int e = 0; e < patch; e++) {
        int cell = conv.source(p, e);
        if (cell < 0 || x[cell] == 0f) {
          continue;
        }
        float xi = x[cell];
        float[] row = w[e];
        for (int f = 0; f < count; f++) {
          y[o + f] += xi * row[f];
        }
      }
    }
  }

  private int fail(int got, int layer) {
    throw new IllegalArgumentException("input width " + got + " does not match layer " + layer + " width " + sizes[layer]);
  }
}
