package org.qprob.agents.network;

/**
 * A plain-Java copy of an {@link Mlp}'s parameters that evaluates one observation in a few microseconds (a DL4J
 * forward pass of one row costs 100–200 µs of native-call overhead). Weights are kept as one array per input unit
 * (its outgoing weights), so each layer is a sum of scaled rows ({@code y += x[i] * W[i]}), a loop the JIT
 * vectorises (a dot-product reduction over floats it does not). Refresh it from the network after each update.
 */
public final class HostMlp {
  private final int[] sizes;
  private final Activations activation;
  private final float[][][] weights;
  private final float[][] biases;
  private final float[][] buffers;

  HostMlp(int[] sizes, Activations activation) {
    this.sizes = sizes.clone();
    this.activation = activation;
    int layers = sizes.length - 1;
    weights = new float[layers][][];
    biases = new float[layers][];
    buffers = new float[layers][];
    for (int l = 0; l < layers; l++) {
      weights[l] = new float[sizes[l]][sizes[l + 1]];
      biases[l] = new float[sizes[l + 1]];
      buffers[l] = new float[sizes[l + 1]];
    }
  }

  /**
   * Copies the parameters from DL4J's flat layout: per layer, W of shape [in, out] in column-major order (so unit
   * j's incoming weights are contiguous), then the bias b[out].
   */
  void load(float[] flat) {
    int off = 0;
    for (int l = 0; l < weights.length; l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      float[][] w = weights[l];
      for (int j = 0; j < out; j++) {
        int column = off + j * in;
        for (int i = 0; i < in; i++) {
          w[i][j] = flat[column + i];
        }
      }
      off += in * out;
      System.arraycopy(flat, off, biases[l], 0, out);
      off += out;
    }
    if (off != flat.length) {
      throw new IllegalStateException("parameter count " + flat.length + " does not match layer sizes (" + off + ")");
    }
  }

  /** The raw outputs for one encoded input; the returned array is reused by the next call. */
  public float[] forward(float[] input) {
    float[] x = input;
    for (int l = 0; l < weights.length; l++) {
      float[][] w = weights[l];
      float[] b = biases[l];
      float[] y = buffers[l];
      int in = x.length == sizes[l] ? sizes[l] : fail(x.length, l);
      int out = y.length;
      System.arraycopy(b, 0, y, 0, out);
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
      if (l < weights.length - 1) {
        activation.apply(y, y.length);
      }
      x = y;
    }
    return x;
  }

  private int fail(int got, int layer) {
    throw new IllegalArgumentException("input width " + got + " does not match layer " + layer + " width " + sizes[layer]);
  }
}
