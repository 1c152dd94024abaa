package org.qprob.agents.network;

import java.util.Arrays;
import org.qprob.agents.config.ConvConfig;

/**
 * The geometry of a convolution over one observation grid of (rows, columns, channels), stored channels-last in C
 * order (cell (r, c, ch) at {@code (r * columns + c) * channels + ch}), and its im2col gather: sample by sample, one
 * row per output position (row-major over the output grid), one column per patch element in DL4J's weight order
 * (input channel, kernel row, kernel column), zero where the kernel lies on the padding. With the weights as a
 * row-major {@code W [filters, patch]} (DL4J's {@code [filters, channels, kernel, kernel]} in C order) the
 * convolution is the product {@code cols W'}, of shape {@code [samples * positions, filters]}: channels-last again,
 * so its flattened rows are the dense layer's input, position-major (DL4J's NHWC flattening).
 *
 * <p>The im2col matrix is written by scattering: zeros first, then each input cell that is not {@code +0.0} copied to
 * the (position, patch element) places that read it. The matrix is the gather's value for value ({@code -0.0}
 * included); on MinAtar's sparse boolean grids (a few dozen cells of several hundred are 1) it costs the zero fill
 * and a scan of the input instead of one indexed load per matrix value.
 */
final class Convolution {
  final int rows;
  final int columns;
  final int channels;
  final int filters;
  final int kernel;
  final int stride;
  final int padding;
  final int outRows;
  final int outColumns;
  /** For each (position, patch element): the input cell it reads within one sample, or -1 on the padding. */
  private final int[] gather;
  /** The places of one sample's im2col rows that read input cell c: {@code readers[readerStart[c] ..
   * readerStart[c + 1])}, in increasing order. */
  private final int[] readerStart;
  private final int[] readers;

  private Convolution(int rows, int columns, int channels, ConvConfig config) {
    this.rows = rows;
    this.columns = columns;
    this.channels = channels;
    this.filters = config.filters();
    this.kernel = config.kernel();
    this.stride = config.stride();
    this.padding = config.paddingMode().cells(kernel);
    this.outRows = config.outputSize(rows, "rows");
    this.outColumns = config.outputSize(columns, "columns");
    int patch = patch();
    gather = new int[positions() * patch];
    for (int oy = 0; oy < outRows; oy++) {
      for (int ox = 0; ox < outColumns; ox++) {
        int p = oy * outColumns + ox;
        for (int ch = 0; ch < channels; ch++) {
          for (int ky = 0; ky < kernel; ky++) {
            for (int kx = 0; kx < kernel; kx++) {
              int y = oy * stride - padding + ky;
              int x = ox * stride - padding + kx;
              boolean inside = y >= 0 && y < rows && x >= 0 && x < columns;
              gather[p * patch + (ch * kernel + ky) * kernel + kx] = inside ? (y * columns + x) * channels + ch : -1;
            }
          }
        }
      }
    }
    readerStart = new int[inputs() + 1];
    for (int g : gather) {
      if (g >= 0) {
        readerStart[g + 1]++;
      }
    }
    for (int c = 0; c < inputs(); c++) {
      readerStart[c + 1] += readerStart[c];
    }
    readers = new int[readerStart[inputs()]];
    int[] next = Arrays.copyOf(readerStart, inputs());
    for (int j = 0; j < gather.length; j++) {
      if (gather[j] >= 0) {
        readers[next[gather[j]]++] = j;
      }
    }
  }

  /**
   * The convolution {@code config} asks for over observations of {@code shape}, or one line saying why it does not
   * fit (the observations are not a grid, or the kernel is larger than the grid).
   */
  static Convolution of(ConvConfig config, int[] shape) {
    if (shape.length != 3) {
      throw new IllegalArgumentException("network.conv needs observations on a grid of shape [rows, columns, channels];"
          + " the observation space has shape " + Arrays.toString(shape) + "; expected no network.conv for it");
    }
    return new Convolution(shape[0], shape[1], shape[2], config);
  }

  /** Input values of one sample. */
  int inputs() {
    return rows * columns * channels;
  }

  /** Output positions per sample. */
  int positions() {
    return outRows * outColumns;
  }

  /** Patch elements (im2col columns, weights per filter). */
  int patch() {
    return channels * kernel * kernel;
  }

  /** Output values per sample: positions x filters. */
  int outputs() {
    return positions() * filters;
  }

  /** The input cell patch element {@code element} of position {@code position} reads, or -1 on the padding. */
  int source(int position, int element) {
    return gather[position * patch() + element];
  }

  /** Writes the im2col rows of {@code samples} grids from {@code x} into {@code cols}. */
  void im2col(float[] x, int samples, float[] cols) {
    int n = gather.length;
    int in = inputs();
    Arrays.fill(cols, 0, samples * n, 0f);
    for (int s = 0; s < samples; s++) {
      int base = s * in;
      int o = s * n;
      for (int c = 0; c < in; c++) {
        float v = x[base + c];
        if (Float.floatToRawIntBits(v) != 0) {
          for (int k = readerStart[c], end = readerStart[c + 1]; k < end; k++) {
            cols[o + readers[k]] = v;
          }
        }
      }
    }
  }

  /** As {@link #im2col(float[], int, float[])} in double precision. */
  void im2col(double[] x, int samples, double[] cols) {
    int n = gather.length;
    int in = inputs();
    Arrays.fill(cols, 0, samples * n, 0.0);
    for (int s = 0; s < samples; s++) {
      int base = s * in;
      int o = s * n;
      for (int c = 0; c < in; c++) {
        double v = x[base + c];
        if (Double.doubleToRawLongBits(v) != 0) {
          for (int k = readerStart[c], end = readerStart[c + 1]; k < end; k++) {
            cols[o + readers[k]] = v;
          }
        }
      }
    }
  }

  @Override
  public String toString() {
    return "conv " + rows + "x" + columns + "x" + channels + " -> " + outRows + "x" + outColumns + "x" + filters
        + " (kernel " + kernel + ", stride " + stride + ", padding " + padding + ")";
  }
}
