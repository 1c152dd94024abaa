package org.qprob.bench;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.FloatPointer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The arithmetic floor of one joint gumbel-kl update at OpenBLAS speed: the eight single-precision matrix products
 * of one forward and backward pass of a 4-128-128-3 network over 128 rows (s and s' of a batch of 64), called
 * straight through CBLAS on preallocated native buffers, with nothing else (no activations, no loss, no optimizer).
 * They are 13.1 million floating-point operations, nearly all of the update's arithmetic:
 * <pre>
 *   forward   H1 = X W1 (128x4 by 4x128), H2 = H1 W2 (128x128 by 128x128), Y = H2 W3 (128x128 by 128x3)
 *   backward  dW3 = H2' dY, dH2 = dY W3', dW2 = H1' dH2, dH1 = dH2 W2', dW1 = X' dH1
 * </pre>
 * {@link #sgemm128} is one 128x128x128 product (4.19 MFLOP), to read off OpenBLAS's rate on this CPU.
 *
 * <p>{@link #targetUpdateProducts} is the floor of an update with a target network, for an output width {@link #out}
 * (2 for l2 on CartPole, 102 for categorical with 51 atoms, 100 for quantile-huber with 50 quantiles): the online
 * network's forward and backward pass over the 64 rows at s (eight products) and the target network's forward pass
 * over the 64 rows at s' (three).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class UpdateFloorBenchmark {
  private static final int ROWS = 128;
  private static final int BATCH = 64;
  private static final int IN = 4;
  private static final int HIDDEN = 128;
  private static final int OUT = 3;

  /** The output width of {@link #targetUpdateProducts}. */
  @Param({"2", "102", "100"})
  public int out;

  private FloatPointer x;
  private FloatPointer w1;
  private FloatPointer w2;
  private FloatPointer w3;
  private FloatPointer h1;
  private FloatPointer h2;
  private FloatPointer y;
  private FloatPointer dy;
  private FloatPointer dh2;
  private FloatPointer dh1;
  private FloatPointer dw1;
  private FloatPointer dw2;
  private FloatPointer dw3;
  private FloatPointer wo;
  private FloatPointer yo;
  private FloatPointer dyo;
  private FloatPointer dwo;

  @Setup
  public void setUp() {
    Settings.print();
    SplittableRandom rng = new SplittableRandom(5L);
    x = filled(ROWS * IN, rng);
    w1 = filled(IN * HIDDEN, rng);
    w2 = filled(HIDDEN * HIDDEN, rng);
    w3 = filled(HIDDEN * OUT, rng);
    h1 = filled(ROWS * HIDDEN, rng);
    h2 = filled(ROWS * HIDDEN, rng);
    y = filled(ROWS * OUT, rng);
    dy = filled(ROWS * OUT, rng);
    dh2 = filled(ROWS * HIDDEN, rng);
    dh1 = filled(ROWS * HIDDEN, rng);
    dw1 = filled(IN * HIDDEN, rng);
    dw2 = filled(HIDDEN * HIDDEN, rng);
    dw3 = filled(HIDDEN * OUT, rng);
    wo = filled(HIDDEN * out, rng);
    yo = filled(ROWS * out, rng);
    dyo = filled(ROWS * out, rng);
    dwo = filled(HIDDEN * out, rng);
  }

  private static FloatPointer filled(int n, SplittableRandom rng) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) rng.nextDouble(-0.1, 0.1);
    }
    return new FloatPointer(v);
  }

  @TearDown
  public void tearDown() {
    for (FloatPointer p : new FloatPointer[] {x, w1, w2, w3, h1, h2, y, dy, dh2, dh1, dw1, dw2, dw3, wo, yo, dyo, dwo}) {
      p.close();
    }
  }

  /** C (m x n) = op(A) op(B), row-major, op(A) m x k. */
  private static void gemm(boolean ta, boolean tb, int m, int n, int k, FloatPointer a, FloatPointer b,
      FloatPointer c) {
    cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, m, n, k, 1f,
        a, ta ? m : k, b, tb ? k : n, 0f, c, n);
  }

  @Benchmark
  public FloatPointer jointUpdateProducts() {
    gemm(false, false, ROWS, HIDDEN, IN, x, w1, h1);
    gemm(false, false, ROWS, HIDDEN, HIDDEN, h1, w2, h2);
    gemm(false, false, ROWS, OUT, HIDDEN, h2, w3, y);
    gemm(true, false, HIDDEN, OUT, ROWS, h2, dy, dw3);
    gemm(false, true, ROWS, HIDDEN, OUT, dy, w3, dh2);
    gemm(true, false, HIDDEN, HIDDEN, ROWS, h1, dh2, dw2);
    gemm(false, true, ROWS, HIDDEN, HIDDEN, dh2, w2, dh1);
    gemm(true, false, IN, HIDDEN, ROWS, x, dh1, dw1);
    return dw1;
  }

  @Benchmark
  public FloatPointer targetUpdateProducts() {
    gemm(false, false, BATCH, HIDDEN, IN, x, w1, h1);
    gemm(false, false, BATCH, HIDDEN, HIDDEN, h1, w2, h2);
    gemm(false, false, BATCH, out, HIDDEN, h2, wo, yo);
    gemm(true, false, HIDDEN, out, BATCH, h2, dyo, dwo);
    gemm(false, true, BATCH, HIDDEN, out, dyo, wo, dh2);
    gemm(true, false, HIDDEN, HIDDEN, BATCH, h1, dh2, dw2);
    gemm(false, true, BATCH, HIDDEN, HIDDEN, dh2, w2, dh1);
    gemm(true, false, IN, HIDDEN, BATCH, x, dh1, dw1);
    // the target network's forward pass at s'
    gemm(false, false, BATCH, HIDDEN, IN, x, w1, h1);
    gemm(false, false, BATCH, HIDDEN, HIDDEN, h1, w2, h2);
    gemm(false, false, BATCH, out, HIDDEN, h2, wo, yo);
    return dw1;
  }

  @Benchmark
  public FloatPointer sgemm128() {
    gemm(false, false, ROWS, HIDDEN, HIDDEN, h1, w2, h2);
    return h2;
  }
}
