package org.qprob.agents.network;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.qprob.agents.config.OptimizerConfig;
import org.qprob.agents.config.OptimizerKind;

/**
 * One optimizer step on a flat parameter vector, in the vector's own precision: the gradient is clipped to a global
 * L2 norm (if set), turned into a step by Adam, RMSprop or SGD, and subtracted from the parameters. Adam and SGD
 * follow DL4J's updaters formula for formula and operation for operation (in float for a float network), so a step
 * gives the same numbers as DL4J's {@code AdamUpdater} / {@code SgdUpdater} (checked in {@code GradientStepTest})
 * without their bookkeeping (about 0.15-0.5 ms per step on a 17.5k-parameter network; this takes about 20 µs).
 *
 * <p>Adam, with {@code t} the number of earlier steps: {@code m = beta1 m + (1 - beta1) g},
 * {@code v = beta2 v + (1 - beta2) g^2}, {@code step = alpha_t m / (sqrt(v) + epsilon)} with
 * {@code alpha_t = lr sqrt(1 - beta2^(t+1)) / (1 - beta1^(t+1))}. SGD: {@code step = lr g}. RMSprop as PyTorch's
 * {@code torch.optim.RMSprop} (no momentum, no weight decay; DL4J has no centred variant):
 * {@code v = alpha v + (1 - alpha) g^2}, and when centred {@code m = alpha m + (1 - alpha) g},
 * {@code step = lr g / (sqrt(v - m^2) + epsilon)} (uncentred: {@code sqrt(v)}); {@code v - m^2}, never negative in
 * exact arithmetic, is taken as 0 where rounding makes it negative (PyTorch's would give NaN there). Like DL4J's
 * updaters it leaves the step in the gradient vector. Every {@link #FLUSH_EVERY} steps the moments' subnormal values
 * are set to 0 (see there: a speed matter, bit for bit harmless to the parameters).
 */
abstract class GradientStep {
  final OptimizerKind kind;
  final double learningRate;
  final double beta1;
  final double beta2;
  final double epsilon;
  final double alpha;
  final boolean centered;
  final double clipNorm;
  final int size;
  final INDArray parameters;
  final INDArray gradient;

  private GradientStep(OptimizerConfig optimizer, double learningRate, double clipNorm, INDArray parameters,
      INDArray gradient, DataType type) {
    this.kind = optimizer.kind();
    this.learningRate = learningRate;
    this.beta1 = optimizer.beta1();
    this.beta2 = optimizer.beta2();
    this.epsilon = optimizer.epsilon();
    this.alpha = optimizer.alpha();
    this.centered = optimizer.centered();
    this.clipNorm = clipNorm;
    this.size = (int) parameters.length();
    check(parameters, type, size, "parameters");
    check(gradient, type, size, "gradient");
    this.parameters = parameters;
    this.gradient = gradient;
  }

  /**
   * A step on {@code parameters}, whose gradient is normally held in {@code gradient}: contiguous vectors of the same
   * length and type (FLOAT or DOUBLE).
   */
  static GradientStep create(OptimizerConfig optimizer, double learningRate, double clipNorm, INDArray parameters,
      INDArray gradient) {
    return switch (parameters.dataType()) {
      case FLOAT -> new SinglePrecision(optimizer, learningRate, clipNorm, parameters, gradient);
      case DOUBLE -> new DoublePrecision(optimizer, learningRate, clipNorm, parameters, gradient);
      default -> throw new IllegalArgumentException("data type " + parameters.dataType()
          + " is not supported; expected FLOAT or DOUBLE");
    };
  }

  /**
   * Clips {@code g}, turns it into the step (left in {@code g}) and subtracts it from the parameters.
   *
   * @param g the gradient: this step's gradient vector, or another contiguous vector of the same length and type
   * @param iteration the number of earlier steps
   * @return the gradient's global L2 norm before clipping
   */
  abstract double apply(INDArray g, int iteration);

  /** Whether the optimizer keeps state (Adam's moments, RMSprop's averages). */
  boolean hasState() {
    return kind.adaptive();
  }

  /**
   * Writes the state, as doubles: Adam's first moments, then its second moments; RMSprop's average gradients (0
   * uncentred), then its average squared gradients.
   */
  abstract void write(DataOutputStream out) throws IOException;

  /** Reads what {@link #write} wrote. */
  abstract void read(DataInputStream in) throws IOException;

  /** The coefficient the gradient is scaled by: below 1 only when clipping is on and the norm is above it. */
  double clipCoefficient(double norm) {
    return clipNorm > 0 ? clipNorm / (norm + 1e-6) : 1;
  }

  /**
   * Every this many steps the optimizer's moments are flushed: subnormal values (below the precision's smallest normal
   * number) become 0. A moment whose gradient stays 0 (the weights of a unit that no longer fires) decays geometrically
   * into the subnormal range and stays there (0.9 times the smallest subnormals rounds back to them), and every
   * arithmetic operation on a subnormal costs a microcode assist on Intel CPUs, about 30 ns: 7,000 such moments of
   * C51's 30,000 made its optimizer step 200 us instead of 50 (docs/performance.md). Flushed, such a parameter's step
   * is 0 instead of a number below {@code 2^-126 * learningRate / epsilon} (Adam; RMSprop divides by at least
   * epsilon too), which leaves every parameter of magnitude above about {@code 1e-26} bit for bit where it was
   * ({@code GradientStepTest} against DL4J's updater, which does not flush). Flushing every step would cost more than
   * it saves (a scalar pass over both moments); every 16th keeps the cost near 1/16 of that pass.
   */
  static final int FLUSH_EVERY = 16;

  /** Whether the step after {@code iteration} earlier steps flushes the moments. */
  static boolean flushDue(int iteration) {
    return iteration % FLUSH_EVERY == 0;
  }

  /** Sets every subnormal entry of {@code x} to 0. */
  static void flushSubnormals(float[] x) {
    for (int i = 0; i < x.length; i++) {
      if (Math.abs(x[i]) < Float.MIN_NORMAL) {
        x[i] = 0;
      }
    }
  }

  /** As {@link #flushSubnormals(float[])} in double. */
  static void flushSubnormals(double[] x) {
    for (int i = 0; i < x.length; i++) {
      if (Math.abs(x[i]) < Double.MIN_NORMAL) {
        x[i] = 0;
      }
    }
  }

  /** The L2 norm, accumulated in double over four interleaved partial sums (a single chain of adds is 4x slower). */
  static double norm(float[] x) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int n = x.length;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += (double) x[i] * x[i];
      s1 += (double) x[i + 1] * x[i + 1];
      s2 += (double) x[i + 2] * x[i + 2];
      s3 += (double) x[i + 3] * x[i + 3];
    }
    for (; i < n; i++) {
      s0 += (double) x[i] * x[i];
    }
    return Math.sqrt((s0 + s1) + (s2 + s3));
  }

  /** As {@link #norm(float[])} in double. */
  static double norm(double[] x) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int n = x.length;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += x[i] * x[i];
      s1 += x[i + 1] * x[i + 1];
      s2 += x[i + 2] * x[i + 2];
      s3 += x[i + 3] * x[i + 3];
    }
    for (; i < n; i++) {
      s0 += x[i] * x[i];
    }
    return Math.sqrt((s0 + s1) + (s2 + s3));
  }

  static void check(INDArray a, DataType type, long size, String what) {
    if (a.dataType() != type || a.length() != size || a.offset() != 0 || a.elementWiseStride() != 1) {
      throw new IllegalArgumentException(what + " must be a contiguous " + type + " vector of " + size
          + " values; got " + a.dataType() + " " + java.util.Arrays.toString(a.shape()));
    }
  }

  private static final class SinglePrecision extends GradientStep {
    private final float[] g;
    private final float[] m;
    private final float[] v;
    private final FloatPointer parameterMemory;
    private final FloatPointer gradientMemory;

    SinglePrecision(OptimizerConfig optimizer, double learningRate, double clipNorm, INDArray parameters,
        INDArray gradient) {
      super(optimizer, learningRate, clipNorm, parameters, gradient, DataType.FLOAT);
      parameterMemory = new FloatPointer(parameters.data().addressPointer());
      gradientMemory = new FloatPointer(gradient.data().addressPointer());
      g = new float[size];
      m = kind.adaptive() ? new float[size] : null;
      v = kind.adaptive() ? new float[size] : null;
    }

    @Override
    double apply(INDArray gradientArray, int iteration) {
      FloatPointer gp = gradientMemory;
      if (gradientArray != gradient) {
        check(gradientArray, DataType.FLOAT, size, "gradient");
        gp = new FloatPointer(gradientArray.data().addressPointer());
      }
      gp.get(g, 0, size);
      double norm = norm(g);
      double c = clipCoefficient(norm);
      if (c < 1) {
        float cf = (float) c;
        for (int i = 0; i < size; i++) {
          g[i] *= cf;
        }
      }
      switch (kind) {
        case ADAM -> adam(iteration);
        case RMSPROP -> rmsprop();
        case SGD -> sgd();
      }
      if (kind.adaptive() && flushDue(iteration)) {
        flushSubnormals(m);
        flushSubnormals(v);
      }
      gp.put(g, 0, size);
      openblas_nolapack.cblas_saxpy(size, -1f, gp, 1, parameterMemory, 1);
      return norm;
    }

    private void adam(int iteration) {
      float b1 = (float) beta1;
      float b2 = (float) beta2;
      float eps = (float) epsilon;
      float t = iteration + 1f;
      float b1t = (float) Math.pow(b1, t);
      float b2t = (float) Math.pow(b2, t);
      float rate = (float) ((float) learningRate * (float) Math.sqrt((float) (1.0 - b2t)) / (1.0 - b1t));
      if (Float.isNaN(rate) || Float.isInfinite(rate) || rate == 0) {
        rate = eps;
      }
      float c1 = 1 - b1;
      float c2 = 1 - b2;
      for (int i = 0; i < size; i++) {
        float gi = g[i];
        float mi = b1 * m[i] + gi * c1;
        float vi = b2 * v[i] + gi * gi * c2;
        m[i] = mi;
        v[i] = vi;
        g[i] = mi * rate / ((float) Math.sqrt(vi) + eps);
      }
    }

    private void rmsprop() {
      float a = (float) alpha;
      float c = 1 - a;
      float eps = (float) epsilon;
      float lr = (float) learningRate;
      for (int i = 0; i < size; i++) {
        float gi = g[i];
        float vi = a * v[i] + c * gi * gi;
        v[i] = vi;
        float spread = vi;
        if (centered) {
          float mi = a * m[i] + c * gi;
          m[i] = mi;
          spread = Math.max(0f, vi - mi * mi);
        }
        g[i] = lr * gi / ((float) Math.sqrt(spread) + eps);
      }
    }

    private void sgd() {
      float lr = (float) learningRate;
      for (int i = 0; i < size; i++) {
        g[i] *= lr;
      }
    }

    @Override
    void write(DataOutputStream out) throws IOException {
      for (float[] a : new float[][] {m, v}) {
        for (float x : a) {
          out.writeDouble(x);
        }
      }
    }

    @Override
    void read(DataInputStream in) throws IOException {
      for (float[] a : new float[][] {m, v}) {
        for (int i = 0; i < size; i++) {
          a[i] = (float) in.readDouble();
        }
      }
    }
  }

  private static final class DoublePrecision extends GradientStep {
    private final double[] g;
    private final double[] m;
    private final double[] v;
    private final DoublePointer parameterMemory;
    private final DoublePointer gradientMemory;

    DoublePrecision(OptimizerConfig optimizer, double learningRate, double clipNorm, INDArray parameters,
        INDArray gradient) {
      super(optimizer, learningRate, clipNorm, parameters, gradient, DataType.DOUBLE);
      parameterMemory = new DoublePointer(parameters.data().addressPointer());
      gradientMemory = new DoublePointer(gradient.data().addressPointer());
      g = new double[size];
      m = kind.adaptive() ? new double[size] : null;
      v = kind.adaptive() ? new double[size] : null;
    }

    @Override
    double apply(INDArray gradientArray, int iteration) {
      DoublePointer gp = gradientMemory;
      if (gradientArray != gradient) {
        check(gradientArray, DataType.DOUBLE, size, "gradient");
        gp = new DoublePointer(gradientArray.data().addressPointer());
      }
      gp.get(g, 0, size);
      double norm = norm(g);
      double c = clipCoefficient(norm);
      if (c < 1) {
        for (int i = 0; i < size; i++) {
          g[i] *= c;
        }
      }
      switch (kind) {
        case ADAM -> adam(iteration);
        case RMSPROP -> rmsprop();
        case SGD -> sgd();
      }
      if (kind.adaptive() && flushDue(iteration)) {
        flushSubnormals(m);
        flushSubnormals(v);
      }
      gp.put(g, 0, size);
      openblas_nolapack.cblas_daxpy(size, -1, gp, 1, parameterMemory, 1);
      return norm;
    }

    private void adam(int iteration) {
      double t = iteration + 1.0;
      double rate = learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
      if (Double.isNaN(rate) || Double.isInfinite(rate) || rate == 0) {
        rate = epsilon;
      }
      double c1 = 1 - beta1;
      double c2 = 1 - beta2;
      for (int i = 0; i < size; i++) {
        double gi = g[i];
        double mi = beta1 * m[i] + gi * c1;
        double vi = beta2 * v[i] + gi * gi * c2;
        m[i] = mi;
        v[i] = vi;
        g[i] = mi * rate / (Math.sqrt(vi) + epsilon);
      }
    }

    private void rmsprop() {
      double c = 1 - alpha;
      for (int i = 0; i < size; i++) {
        double gi = g[i];
        double vi = alpha * v[i] + c * gi * gi;
        v[i] = vi;
        double spread = vi;
        if (centered) {
          double mi = alpha * m[i] + c * gi;
          m[i] = mi;
          spread = Math.max(0, vi - mi * mi);
        }
        g[i] = learningRate * gi / (Math.sqrt(spread) + epsilon);
      }
    }

    private void sgd() {
      for (int i = 0; i < size; i++) {
        g[i] *= learningRate;
      }
    }

    @Override
    void write(DataOutputStream out) throws IOException {
      for (double[] a : new double[][] {m, v}) {
        for (double x : a) {
          out.writeDouble(x);
        }
      }
    }

    @Override
    void read(DataInputStream in) throws IOException {
      for (double[] a : new double[][] {m, v}) {
        for (int i = 0; i < size; i++) {
          a[i] = in.readDouble();
        }
      }
    }
  }
}
