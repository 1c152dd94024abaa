package org.qprob.agents.network;

/**
 * Where each layer's weights and biases lie in a network's flat parameter (and gradient) vector, and the shape of
 * each layer's matrix product. Layer {@code l} maps {@code sizes[l]} values per sample to {@code sizes[l + 1]}; a
 * dense layer is one product of {@code rows} rows, {@code sizes[l]} inputs and {@code sizes[l + 1]} units; a
 * convolution (only as the first layer) is one product of {@code rows * positions} im2col rows, {@code patch} inputs
 * and {@code filters} units ({@link Convolution}).
 *
 * <p>The layout is DL4J's, so a {@code MultiLayerNetwork} of a {@code ConvolutionLayer} and {@code DenseLayer}s holds
 * the vector: a dense layer's {@code W [in, out]} in column-major order (row-major {@code W' [out, in]}) then its
 * bias {@code [out]}; a convolution's bias {@code [filters]} first, then its {@code W [filters, channels, kernel,
 * kernel]} in C order (row-major {@code W' [filters, patch]}). {@link Mlp} checks these offsets against the DL4J
 * network's own parameter views.
 */
final class LayerLayout {
  final int[] sizes;
  /** The first layer's convolution, or null. */
  final Convolution conv;
  final long[] weightAt;
  final long[] biasAt;
  final long parameterCount;

  LayerLayout(int[] sizes, Convolution conv) {
    this.sizes = sizes.clone();
    this.conv = conv;
    int layers = sizes.length - 1;
    weightAt = new long[layers];
    biasAt = new long[layers];
    long off = 0;
    for (int l = 0; l < layers; l++) {
      long weights = (long) fanIn(l) * units(l);
      if (l == 0 && conv != null) {
        biasAt[l] = off;
        weightAt[l] = off + units(l);
      } else {
        weightAt[l] = off;
        biasAt[l] = off + weights;
      }
      off += weights + units(l);
    }
    parameterCount = off;
  }

  int layers() {
    return sizes.length - 1;
  }

  boolean convolutional(int l) {
    return l == 0 && conv != null;
  }

  /** Product rows per sample: the output positions of a convolution, 1 for a dense layer. */
  int repeats(int l) {
    return convolutional(l) ? conv.positions() : 1;
  }

  /** Inputs of one product row: the patch of a convolution, the input width of a dense layer. */
  int fanIn(int l) {
    return convolutional(l) ? conv.patch() : sizes[l];
  }

  /** Units of one product row (bias length): a convolution's filters, a dense layer's width. */
  int units(int l) {
    return convolutional(l) ? conv.filters : sizes[l + 1];
  }

  /** Fan-out of one weight, for initialisation: a convolution's filters x kernel area (PyTorch's), else units. */
  int fanOut(int l) {
    return convolutional(l) ? conv.filters * conv.kernel * conv.kernel : units(l);
  }

  /** Values per sample of the first product's input matrix: the im2col rows, or the input itself. */
  int firstInputs() {
    return conv != null ? conv.positions() * conv.patch() : sizes[0];
  }
}
