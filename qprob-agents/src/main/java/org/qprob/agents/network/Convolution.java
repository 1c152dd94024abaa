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
    for (int s = 0; s < samples; s++) {
      int base = s * in;
      int o = s * n;
      for (int j = 0; j < n; j++) {
        int g = gather[j];
        cols[o + j] = g < 0 ? 0f : x[base + g];
      }
    }
  }

  /** As {@link #im2col(float[], int, float[])} in double precision. */
  void im2col(double[] x, int samples, double[] cols) {
    int n = gather.length;
    int in = inputs();
    for (int s = 0; s < samples; s++) {
      int base = s * in;
      int o = s * n;
      for (int j = 0; j < n; j++) {
        int g = gather[j];
        cols[o + j] = g < 0 ? 0 : x[base + g];
      }
    }
  }

  @Override
  public String toString() {
    return "conv " + rows + "x" + columns + "x" + channels + " -> " + outRows + "x" + outColumns + "x" + filters
        + " (kernel " + kernel + ", stride " + stride + ", padding " + padding + ")";
  }
}
