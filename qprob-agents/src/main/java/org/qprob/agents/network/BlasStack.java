package org.qprob.agents.network;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The forward and backward passes of a stack of dense layers, run straight through OpenBLAS on the flat parameter
 * and gradient vectors of an {@link Mlp}: per layer one matrix product forward and two backward (one for the first
 * layer), with the bias, the activation and its derivative applied in Java between them, in the network's precision.
 * It computes what DL4J's dense layers compute (the same products on the same layout; {@code BlasStackTest} checks
 * the outputs and gradients against DL4J's), with 8 native calls per forward and backward pass of a three-layer
 * network where DL4J makes about 36 ND4J operations of 10-20 µs of bookkeeping each.
 *
 * <p>Layout (DL4J's): per layer {@code in -> out}, the weights {@code W [in, out]} in column-major order (that is,
 * row-major {@code W' [out, in]}), then the bias {@code b [out]}. Activations are row-major, one row per sample.
 * The parameters are read at every pass, so writes to them between passes take effect. Not thread-safe.
 */
abstract class BlasStack {
  final int[] sizes;
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

  private BlasStack(int[] sizes, Activations activation, DataType type, INDArray parameters, INDArray gradient) {
    this.sizes = sizes.clone();
    this.activation = activation;
    this.layers = sizes.length - 1;
    long count = 0;
    for (int l = 0; l < layers; l++) {
      count += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
    }
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
    long off = 0;
    for (int l = 0; l < layers; l++) {
      long size = (long) sizes[l] * sizes[l + 1];
      weights[l] = at(parameters, off);
      weightGradients[l] = at(gradient, off);
      biases[l] = at(parameters, off + size);
      biasGradients[l] = at(gradient, off + size);
      off += size + sizes[l + 1];
    }
  }

  /**
   * A stack over {@code parameters} and {@code gradient}: contiguous vectors of {@code type} (FLOAT or DOUBLE) in the
   * layout above; {@link #backward} writes the gradient.
   */
  static BlasStack create(int[] sizes, Activations activation, DataType type, INDArray parameters,
      INDArray gradient) {
    return switch (type) {
      case FLOAT -> new SinglePrecision(sizes, activation, parameters, gradient);
      case DOUBLE -> new DoublePrecision(sizes, activation, parameters, gradient);
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
   * The outputs for {@code rows} inputs (row-major, {@code rows * sizes[0]} values). With {@code keep}, what
   * {@link #backward} needs is kept; without it, what is kept is left alone.
   */
  final double[][] forward(float[] input, int rows, boolean keep) {
    Workspace ws = workspace(rows, keep);
    ws.loadInput(input, rows * sizes[0]);
    return forward(ws, rows, keep);
  }

  /** As {@link #forward(float[], int, boolean)} for inputs in doubles. */
  final double[][] forward(double[] input, int rows, boolean keep) {
    Workspace ws = workspace(rows, keep);
    ws.loadInput(input, rows * sizes[0]);
    return forward(ws, rows, keep);
  }

  private double[][] forward(Workspace ws, int rows, boolean keep) {
    for (int l = 0; l < layers; l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      // Z [rows, out] = A W, then bias and activation in place
      gemm(false, true, rows, out, in, ws.activations[l], in, weights[l], in, ws.activations[l + 1], out);
      ws.finishLayer(l, rows, l == layers - 1);
    }
    if (keep) {
      trainingRows = rows;
    }
    return ws.outputs(rows);
  }

  /**
   * Writes into the gradient vector the gradient of the loss w.r.t. the parameters, given {@code dOutput} =
   * dLoss/d(output) for each row of the last kept forward pass.
   */
  final void backward(double[][] dOutput) {
    int rows = trainingRows;
    if (rows == 0) {
      throw new IllegalStateException("no forward pass for training precedes this gradient");
    }
    if (dOutput.length != rows || dOutput[0].length != sizes[layers]) {
      throw new IllegalArgumentException("dOutput of " + dOutput.length + "x" + dOutput[0].length
          + " does not match the last forward pass of " + rows + "x" + sizes[layers]);
    }
    Workspace ws = training;
    ws.loadDelta(dOutput);
    for (int l = layers - 1; l >= 0; l--) {
      int in = sizes[l];
      int out = sizes[l + 1];
      // dW' [out, in] = D' A; db = column sums of D
      gemm(true, false, out, in, rows, ws.nativeDelta, out, ws.activations[l], in, weightGradients[l], in);
      ws.biasGradient(l, rows);
      if (l > 0) {
        // dA [rows, in] = D W', then through the derivative of layer l - 1's activation
        gemm(false, false, rows, in, out, ws.nativeDelta, out, weights[l], in, ws.nativeSpare, in);
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
        activations[l] = allocate((long) capacity * sizes[l]);
      }
      nativeDelta = allocate((long) capacity * widest);
      nativeSpare = allocate((long) capacity * widest);
    }

    abstract Pointer allocate(long n);

    abstract void loadInput(float[] input, int n);

    abstract void loadInput(double[] input, int n);

    /** Adds layer {@code l}'s bias to its product and, unless last, applies the activation. */
    abstract void finishLayer(int l, int rows, boolean last);

    abstract double[][] outputs(int rows);

    /** Loads dLoss/d(output) as the delta of the last layer. */
    abstract void loadDelta(double[][] dOutput);

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
    SinglePrecision(int[] sizes, Activations activation, INDArray parameters, INDArray gradient) {
      super(sizes, activation, DataType.FLOAT, parameters, gradient);
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

      FloatWorkspace(int capacity) {
        super(capacity);
        values = new float[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
          values[l] = new float[capacity * sizes[l]];
        }
        delta = new float[capacity * widest];
        row = new float[widest];
      }

      @Override
      Pointer allocate(long n) {
        return new FloatPointer(n);
      }

      @Override
      void loadInput(float[] input, int n) {
        ((FloatPointer) activations[0]).put(input, 0, n);
      }

      @Override
      void loadInput(double[] input, int n) {
        float[] x = values[0];
        for (int i = 0; i < n; i++) {
          x[i] = (float) input[i];
        }
        ((FloatPointer) activations[0]).put(x, 0, n);
      }

      @Override
      void finishLayer(int l, int rows, boolean last) {
        int out = sizes[l + 1];
        int n = rows * out;
        float[] h = values[l + 1];
        FloatPointer z = (FloatPointer) activations[l + 1];
        z.get(h, 0, n);
        ((FloatPointer) biases[l]).get(row, 0, out);
        for (int i = 0; i < rows; i++) {
          int o = i * out;
          for (int j = 0; j < out; j++) {
            h[o + j] += row[j];
          }
        }
        if (!last) {
          activation.apply(h, n);
          z.put(h, 0, n);
        }
      }

      @Override
      double[][] outputs(int rows) {
        int out = sizes[layers];
        float[] y = values[layers];
        double[][] result = new double[rows][out];
        for (int i = 0; i < rows; i++) {
          for (int j = 0; j < out; j++) {
            result[i][j] = y[i * out + j];
          }
        }
        return result;
      }

      @Override
      void loadDelta(double[][] dOutput) {
        int out = sizes[layers];
        for (int i = 0; i < dOutput.length; i++) {
          for (int j = 0; j < out; j++) {
            delta[i * out + j] = (float) dOutput[i][j];
          }
        }
        ((FloatPointer) nativeDelta).put(delta, 0, dOutput.length * out);
      }

      @Override
      void biasGradient(int l, int rows) {
        int out = sizes[l + 1];
        java.util.Arrays.fill(row, 0, out, 0f);
        for (int i = 0; i < rows; i++) {
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
    DoublePrecision(int[] sizes, Activations activation, INDArray parameters, INDArray gradient) {
      super(sizes, activation, DataType.DOUBLE, parameters, gradient);
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

      DoubleWorkspace(int capacity) {
        super(capacity);
        values = new double[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
          values[l] = new double[capacity * sizes[l]];
        }
        delta = new double[capacity * widest];
        row = new double[widest];
      }

      @Override
      Pointer allocate(long n) {
        return new DoublePointer(n);
      }

      @Override
      void loadInput(float[] input, int n) {
        double[] x = values[0];
        for (int i = 0; i < n; i++) {
          x[i] = input[i];
        }
        ((DoublePointer) activations[0]).put(x, 0, n);
      }

      @Override
      void loadInput(double[] input, int n) {
        ((DoublePointer) activations[0]).put(input, 0, n);
      }

      @Override
      void finishLayer(int l, int rows, boolean last) {
        int out = sizes[l + 1];
        int n = rows * out;
        double[] h = values[l + 1];
        DoublePointer z = (DoublePointer) activations[l + 1];
        z.get(h, 0, n);
        ((DoublePointer) biases[l]).get(row, 0, out);
        for (int i = 0; i < rows; i++) {
          int o = i * out;
          for (int j = 0; j < out; j++) {
            h[o + j] += row[j];
          }
        }
        if (!last) {
          activation.apply(h, n);
          z.put(h, 0, n);
        }
      }

      @Override
      double[][] outputs(int rows) {
        int out = sizes[layers];
        double[] y = values[layers];
        double[][] result = new double[rows][out];
        for (int i = 0; i < rows; i++) {
          System.arraycopy(y, i * out, result[i], 0, out);
        }
        return result;
      }

      @Override
      void loadDelta(double[][] dOutput) {
        int out = sizes[layers];
        for (int i = 0; i < dOutput.length; i++) {
          System.arraycopy(dOutput[i], 0, delta, i * out, out);
        }
        ((DoublePointer) nativeDelta).put(delta, 0, dOutput.length * out);
      }

      @Override
      void biasGradient(int l, int rows) {
        int out = sizes[l + 1];
        java.util.Arrays.fill(row, 0, out, 0);
        for (int i = 0; i < rows; i++) {
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
