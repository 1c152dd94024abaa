package org.qprob.agents.network;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The forward and backward passes of a stack of dense layers, optionally after a convolution, run straight through
 * OpenBLAS on the flat parameter and gradient vectors of an {@link Mlp}: per layer one matrix product forward and two
 * backward (one for the first layer), with the bias, the activation and its derivative applied in Java between them,
 * in the network's precision. A convolution (only ever the first layer) is a product over its im2col matrix
 * ({@link Convolution}): forward {@code Z [rows * positions, filters] = cols W'}, backward {@code dW' = D' cols}; as
 * the first layer it needs no input gradient (and so no col2im).
 * It computes what DL4J's dense layers compute (the same products on the same layout; {@code BlasStackTest} checks
 * the outputs and gradients against DL4J's), with 8 native calls per forward and backward pass of a three-layer
 * network where DL4J makes about 36 ND4J operations of 10-20 µs of bookkeeping each.
 *
 * <p>Layout (DL4J's, {@link LayerLayout}): per dense layer {@code in -> out}, the weights {@code W [in, out]} in
 * column-major order (that is, row-major {@code W' [out, in]}), then the bias {@code b [out]}; a convolution's bias,
 * then its {@code W' [filters, patch]}. Activations are row-major, one row per sample (a convolution's output
 * channels-last, position-major).
 * The parameters are read at every pass, so writes to them between passes take effect. Not thread-safe.
 */
abstract class BlasStack {
  final int[] sizes;
  final LayerLayout layout;
  final Activations activation;
  final int layers;
  final int widest;
  final Pointer[] weights;
  final Pointer[] biases;
  final Pointer[] weightGradients;
  final Pointer[] biasGradients;
  private Workspace training;
  private Workspace inference;
  private int trainingRows;

  private BlasStack(LayerLayout layout, Activations activation, DataType type, INDArray parameters,
      INDArray gradient) {
    this.layout = layout;
    this.sizes = layout.sizes.clone();
    this.activation = activation;
    this.layers = sizes.length - 1;
    long count = layout.parameterCount;
    int w = 0;
    for (int s : sizes) {
      w = Math.max(w, s);
    }
    this.widest = w;
    check(parameters, type, count, "parameters");
    check(gradient, type, count, "gradient");
    weights = new Pointer[layers];
    biases = new Pointer[layers];
    weightGradients = new Pointer[layers];
    biasGradients = new Pointer[layers];
    for (int l = 0; l < layers; l++) {
      weights[l] = at(parameters, layout.weightAt[l]);
      weightGradients[l] = at(gradient, layout.weightAt[l]);
      biases[l] = at(parameters, layout.biasAt[l]);
      biasGradients[l] = at(gradient, layout.biasAt[l]);
    }
  }

  /**
   * A stack over {@code parameters} and {@code gradient}: contiguous vectors of {@code type} (FLOAT or DOUBLE) in the
   * layout above; {@link #backward} writes the gradient.
   */
  static BlasStack create(LayerLayout layout, Activations activation, DataType type, INDArray parameters,
      INDArray gradient) {
    return switch (type) {
      case FLOAT -> new SinglePrecision(layout, activation, parameters, gradient);
      case DOUBLE -> new DoublePrecision(layout, activation, parameters, gradient);
      default -> throw new IllegalArgumentException("data type " + type + " is not supported; expected FLOAT or DOUBLE");
    };
  }

  private static void check(INDArray a, DataType type, long n, String what) {
    if (a.dataType() != type || a.length() != n || a.offset() != 0 || a.elementWiseStride() != 1) {
      throw new IllegalArgumentException(what + " must be a contiguous " + type + " vector of " + n + " values; got "
          + a.dataType() + " " + java.util.Arrays.toString(a.shape()) + " offset " + a.offset());
    }
  }

  /**
   * The outputs for {@code rows} inputs (row-major, {@code rows * sizes[0]} values), row-major: output {@code k} of
   * row {@code i} at {@code i * outputs + k}. With {@code keep}, what {@link #backward} needs is kept; without it,
   * what is kept is left alone.
   */
  final double[] forward(float[] input, int rows, boolean keep) {
    Workspace ws = workspace(rows, keep);
    ws.loadInput(input, rows);
    return forward(ws, rows, keep);
  }

  /** As {@link #forward(float[], int, boolean)} for inputs in doubles. */
  final double[] forward(double[] input, int rows, boolean keep) {
    Workspace ws = workspace(rows, keep);
    ws.loadInput(input, rows);
    return forward(ws, rows, keep);
  }

  private double[] forward(Workspace ws, int rows, boolean keep) {
    for (int l = 0; l < layers; l++) {
      int in = layout.fanIn(l);
      int out = layout.units(l);
      // Z [rows, out] = A W (a convolution: Z [rows * positions, filters] = cols W'), then bias and activation in place
      gemm(false, true, rows * layout.repeats(l), out, in, ws.activations[l], in, weights[l], in,
          ws.activations[l + 1], out);
      if (l < layers - 1) {
        ws.finishLayer(l, rows);
      }
    }
    if (keep) {
      trainingRows = rows;
    }
    return ws.outputs(rows);
  }

  /**
   * Writes into the gradient vector the gradient of the loss w.r.t. the parameters, given {@code dOutput} =
   * dLoss/d(output) for each row of the last kept forward pass, row-major as {@link #forward} gives the outputs.
   */
  final void backward(double[] dOutput) {
    int rows = trainingRows;
    if (rows == 0) {
      throw new IllegalStateException("no forward pass for training precedes this gradient");
    }
    if (dOutput.length != rows * sizes[layers]) {
      throw new IllegalArgumentException("dOutput of " + dOutput.length + " values does not match the last forward "
          + "pass of " + rows + "x" + sizes[layers]);
    }
    Workspace ws = training;
    ws.loadDelta(dOutput, rows);
    for (int l = layers - 1; l >= 0; l--) {
      int in = layout.fanIn(l);
      int out = layout.units(l);
      int productRows = rows * layout.repeats(l);
      // dW' [out, in] = D' A (a convolution: dW' [filters, patch] = D' cols); db = column sums of D
      gemm(true, false, out, in, productRows, ws.nativeDelta, out, ws.activations[l], in, weightGradients[l], in);
      ws.biasGradient(l, rows);
      if (l > 0) {
        // dA [rows, in] = D W', then through the derivative of layer l - 1's activation (layer l > 0 is dense)
        gemm(false, false, productRows, in, out, ws.nativeDelta, out, weights[l], in, ws.nativeSpare, in);
        ws.hiddenDelta(l, rows);
      }
    }
  }

  private Workspace workspace(int rows, boolean keep) {
    if (rows <= 0) {
      throw new IllegalArgumentException("rows = " + rows + " is invalid; expected > 0");
    }
    Workspace ws = keep ? training : inference;
    if (ws == null || ws.capacity < rows) {
      if (ws != null) {
        ws.close();
      }
      ws = workspace(Math.max(rows, ws == null ? 0 : 2 * ws.capacity));
      if (keep) {
        training = ws;
      } else {
        inference = ws;
      }
    }
    if (keep) {
      trainingRows = 0;
    }
    return ws;
  }

  abstract Workspace workspace(int capacity);

  abstract Pointer at(INDArray vector, long offset);

  /** Row-major {@code C [m, n] = op(A) op(B)}, {@code op(A) [m, k]}. */
  abstract void gemm(boolean ta, boolean tb, int m, int n, int k, Pointer a, int lda, Pointer b, int ldb, Pointer c,
      int ldc);

  /** The native buffers of one kind of pass (training or inference), with the Java arrays its precision needs. */
  abstract class Workspace {
    final int capacity;
    final Pointer[] activations;
    final Pointer nativeDelta;
    final Pointer nativeSpare;

    Workspace(int capacity) {
      this.capacity = capacity;
      activations = new Pointer[sizes.length];
      for (int l = 0; l < sizes.length; l++) {
        activations[l] = allocate((long) capacity * (l == 0 ? layout.firstInputs() : sizes[l]));
      }
      nativeDelta = allocate((long) capacity * widest);
      nativeSpare = allocate((long) capacity * widest);
    }

    abstract Pointer allocate(long n);

    /** Loads the first product's input for {@code rows} samples: the inputs, or their im2col rows. */
    abstract void loadInput(float[] input, int rows);

    abstract void loadInput(double[] input, int rows);

    /** Adds hidden layer {@code l}'s bias to its product and applies the activation. */
    abstract void finishLayer(int l, int rows);

    /** The last layer's product plus its bias, row-major, in doubles. */
    abstract double[] outputs(int rows);

    /** Loads dLoss/d(output) ({@code rows} row-major rows) as the delta of the last layer. */
    abstract void loadDelta(double[] dOutput, int rows);

    /** Writes layer {@code l}'s bias gradient: the column sums of its delta. */
    abstract void biasGradient(int l, int rows);

    /** Turns dLoss/d(activations of layer l - 1), in {@link #nativeSpare}, into the delta of layer {@code l - 1}. */
    abstract void hiddenDelta(int l, int rows);

    void close() {
      for (Pointer a : activations) {
        a.close();
      }
      nativeDelta.close();
      nativeSpare.close();
    }
  }

  /** Single precision: float arrays on both sides. */
  private static final class SinglePrecision extends BlasStack {
    SinglePrecision(LayerLayout layout, Activations activation, INDArray parameters, INDArray gradient) {
      super(layout, activation, DataType.FLOAT, parameters, gradient);
    }

    @Override
    Pointer at(INDArray vector, long offset) {
      return new FloatPointer(vector.data().addressPointer()).position(offset);
    }

    @Override
    void gemm(boolean ta, boolean tb, int m, int n, int k, Pointer a, int lda, Pointer b, int ldb, Pointer c,
        int ldc) {
      openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
          ta ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
          tb ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans, m, n, k, 1f, (FloatPointer) a, lda,
          (FloatPointer) b, ldb, 0f, (FloatPointer) c, ldc);
    }

    @Override
    Workspace workspace(int capacity) {
      return new FloatWorkspace(capacity);
    }

    private final class FloatWorkspace extends Workspace {
      private final float[][] values;
      private final float[] delta;
      private final float[] row;
      /** The raw inputs in floats, before im2col (convolutions only). */
      private final float[] staging;

      FloatWorkspace(int capacity) {
        super(capacity);
        values = new float[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
          values[l] = new float[capacity * (l == 0 ? layout.firstInputs() : sizes[l])];
        }
        staging = layout.conv == null ? null : new float[capacity * sizes[0]];
        delta = new float[capacity * widest];
        row = new float[widest];
      }

      @Override
      Pointer allocate(long n) {
        return new FloatPointer(n);
      }

      @Override
      void loadInput(float[] input, int rows) {
        if (layout.conv == null) {
          ((FloatPointer) activations[0]).put(input, 0, rows * sizes[0]);
        } else {
          layout.conv.im2col(input, rows, values[0]);
          ((FloatPointer) activations[0]).put(values[0], 0, rows * layout.firstInputs());
        }
      }

      @Override
      void loadInput(double[] input, int rows) {
        int n = rows * sizes[0];
        float[] x = layout.conv == null ? values[0] : staging;
        for (int i = 0; i < n; i++) {
          x[i] = (float) input[i];
        }
        if (layout.conv == null) {
          ((FloatPointer) activations[0]).put(x, 0, n);
        } else {
          loadInput(x, rows);
        }
      }

      @Override
      void finishLayer(int l, int rows) {
        int out = layout.units(l);
        int productRows = rows * layout.repeats(l);
        int n = productRows * out;
        float[] h = values[l + 1];
        FloatPointer z = (FloatPointer) activations[l + 1];
        z.get(h, 0, n);
        ((FloatPointer) biases[l]).get(row, 0, out);
        for (int i = 0; i < productRows; i++) {
          int o = i * out;
          for (int j = 0; j < out; j++) {
            h[o + j] += row[j];
          }
        }
        activation.apply(h, n);
        z.put(h, 0, n);
      }

      @Override
      double[] outputs(int rows) {
        int out = sizes[layers];
        int n = rows * out;
        float[] h = values[layers];
        ((FloatPointer) activations[layers]).get(h, 0, n);
        ((FloatPointer) biases[layers - 1]).get(row, 0, out);
        double[] y = new double[n];
        for (int i = 0; i < rows; i++) {
          int o = i * out;
          for (int j = 0; j < out; j++) {
            y[o + j] = h[o + j] + row[j]; // the float sum, widened
          }
        }
        return y;
      }

      @Override
      void loadDelta(double[] dOutput, int rows) {
        int n = rows * sizes[layers];
        for (int i = 0; i < n; i++) {
          delta[i] = (float) dOutput[i];
        }
        ((FloatPointer) nativeDelta).put(delta, 0, n);
      }

      @Override
      void biasGradient(int l, int rows) {
        int out = layout.units(l);
        int productRows = rows * layout.repeats(l);
        java.util.Arrays.fill(row, 0, out, 0f);
        for (int i = 0; i < productRows; i++) {
          int o = i * out;
          for (int j = 0; j < out; j++) {
            row[j] += delta[o + j];
          }
        }
        ((FloatPointer) biasGradients[l]).put(row, 0, out);
      }

      @Override
      void hiddenDelta(int l, int rows) {
        int n = rows * sizes[l];
        ((FloatPointer) nativeSpare).get(delta, 0, n);
        activation.backprop(values[l], delta, n);
        ((FloatPointer) nativeDelta).put(delta, 0, n);
      }
    }
  }

  /** Double precision (for gradient checks): double arrays on both sides. */
  private static final class DoublePrecision extends BlasStack {
    DoublePrecision(LayerLayout layout, Activations activation, INDArray parameters, INDArray gradient) {
      super(layout, activation, DataType.DOUBLE, parameters, gradient);
    }

    @Override
    Pointer at(INDArray vector, long offset) {
      return new DoublePointer(vector.data().addressPointer()).position(offset);
    }

    @Override
    void gemm(boolean ta, boolean tb, int m, int n, int k, Pointer a, int lda, Pointer b, int ldb, Pointer c,
        int ldc) {
      openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor,
          ta ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
          tb ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans, m, n, k, 1, (DoublePointer) a, lda,
          (DoublePointer) b, ldb, 0, (DoublePointer) c, ldc);
    }

    @Override
    Workspace workspace(int capacity) {
      return new DoubleWorkspace(capacity);
    }

    private final class DoubleWorkspace extends Workspace {
      private final double[][] values;
      private final double[] delta;
      private final double[] row;
      /** The raw inputs in doubles, before im2col (convolutions only). */
      private final double[] staging;

      DoubleWorkspace(int capacity) {
        super(capacity);
        values = new double[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
          values[l] = new double[capacity * (l == 0 ? layout.firstInputs() : sizes[l])];
        }
        staging = layout.conv == null ? null : new double[capacity * sizes[0]];
        delta = new double[capacity * widest];
        row = new double[widest];
      }

      @Override
      Pointer allocate(long n) {
        return new DoublePointer(n);
      }

      @Override
      void loadInput(float[] input, int rows) {
        int n = rows * sizes[0];
        double[] x = layout.conv == null ? values[0] : staging;
        for (int i = 0; i < n; i++) {
          x[i] = input[i];
        }
        loadInput(x, rows);
      }

      @Override
      void loadInput(double[] input, int rows) {
        if (layout.conv == null) {
          ((DoublePointer) activations[0]).put(input, 0, rows * sizes[0]);
        } else {
          layout.conv.im2col(input, rows, values[0]);
          ((DoublePointer) activations[0]).put(values[0], 0, rows * layout.firstInputs());
        }
      }

      @Override
      void finishLayer(int l, int rows) {
        int out = layout.units(l);
        int productRows = rows * layout.repeats(l);
        int n = productRows * out;
        double[] h = values[l + 1];
        DoublePointer z = (DoublePointer) activations[l + 1];
        z.get(h, 0, n);
        ((DoublePointer) biases[l]).get(row, 0, out);
        for (int i = 0; i < productRows; i++) {
          int o = i * out;
          for (int j = 0; j < out; j++) {
            h[o + j] += row[j];
          }
        }
        activation.apply(h, n);
        z.put(h, 0, n);
      }

      @Override
      double[] outputs(int rows) {
        int out = sizes[layers];
        int n = rows * out;
        double[] y = new double[n];
        ((DoublePointer) activations[layers]).get(y, 0, n);
        ((DoublePointer) biases[layers - 1]).get(row, 0, out);
        for (int i = 0; i < rows; i++) {
          int o = i * out;
          for (int j = 0; j < out; j++) {
            y[o + j] += row[j];
          }
        }
        return y;
      }

      @Override
      void loadDelta(double[] dOutput, int rows) {
        int n = rows * sizes[layers];
        System.arraycopy(dOutput, 0, delta, 0, n); // biasGradient reads it
        ((DoublePointer) nativeDelta).put(delta, 0, n);
      }

      @Override
      void biasGradient(int l, int rows) {
        int out = layout.units(l);
        int productRows = rows * layout.repeats(l);
        java.util.Arrays.fill(row, 0, out, 0);
        for (int i = 0; i < productRows; i++) {
          int o = i * out;
          for (int j = 0; j < out; j++) {
            row[j] += delta[o + j];
          }
        }
        ((DoublePointer) biasGradients[l]).put(row, 0, out);
      }

      @Override
      void hiddenDelta(int l, int rows) {
        int n = rows * sizes[l];
        ((DoublePointer) nativeSpare).get(delta, 0, n);
        activation.backprop(values[l], delta, n);
        ((DoublePointer) nativeDelta).put(delta, 0, n);
      }
    }
  }
}
