package org.qprob.bench;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.util.Map;
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
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.Agent;
import org.qprob.api.agent.Transition;
import org.qprob.api.agent.UpdateResult;

/**
 * One gradient step of an agent on MinAtar's network ({@code examples/dqn.py}) on {@code MinAtar/Breakout-v1}
 * (10x10x4 grids, 3 actions), batch 32 from a replay buffer of about a thousand transitions, a target network
 * (copied every 1,000 steps, amortised), Adam: {@code minatar-l2} (3 outputs) and {@code minatar-c51} (categorical,
 * 51 atoms, 153 outputs). {@link #update} is {@code observe} of a recorded transition and {@code update}, as in
 * {@link AgentUpdateBenchmark}.
 *
 * <p>{@link #floorProducts} is its arithmetic floor: the eleven single-precision products of the update, with the
 * shapes and transpositions the agent's passes use, straight through CBLAS on preallocated buffers and nothing else
 * (no im2col, activations, loss, optimizer or replay). With B = 32 rows, P = 64 output positions, K = 36 patch
 * elements (4 channels x 3 x 3), F = 16 filters, D = P F = 1024, H = 128 and A outputs:
 * <pre>
 *   online forward   C = cols W1' (BP x K by K x F), H1 = C W2' (B x D by D x H), Y = H1 W3' (B x H by H x A)
 *   backward         dW3 = dY' H1, dH1 = dY W3, dW2 = dH1' C, dC = dH1 W2, dW1 = dC' cols
 *   target forward   the three forward products at s'
 * </pre>
 * 40.7 MFLOP for A = 3, 45.6 MFLOP for A = 153 (the dense layer of 1024 x 128 is 8.4 MFLOP a product; the convolution
 * 2.4 MFLOP).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Xss4m"})
public class ConvUpdateBenchmark {
  private static final int B = 32;
  private static final int P = 64;
  private static final int K = 36;
  private static final int F = 16;
  private static final int D = P * F;
  private static final int H = 128;
  /** Output widths on Breakout-v1's three actions. */
  private static final Map<String, Integer> OUTPUTS = Map.of("minatar-l2", 3, "minatar-c51", 153);

  @Param({"minatar-l2", "minatar-c51"})
  public String config;

  private Agent agent;
  private Transition[] spare;
  private int next;
  private FloatPointer[] buffers;
  private FloatPointer cols;
  private FloatPointer w1;
  private FloatPointer w2;
  private FloatPointer w3;
  private FloatPointer c;
  private FloatPointer h1;
  private FloatPointer y;
  private FloatPointer dy;
  private FloatPointer dh1;
  private FloatPointer dc;
  private FloatPointer dw1;
  private FloatPointer dw2;
  private FloatPointer dw3;

  @Setup
  public void setUp() {
    Settings.print();
    AgentFixture fixture = AgentFixture.create(config, 1_000, 20_000, 11L);
    agent = fixture.agent();
    spare = fixture.spare();
    for (int i = 0; i < 50; i++) {
      update(); // load the natives and take the first steps outside the measurement
    }
    int a = OUTPUTS.get(config);
    SplittableRandom rng = new SplittableRandom(5L);
    cols = filled(B * P * K, rng);
    w1 = filled(F * K, rng);
    w2 = filled(H * D, rng);
    w3 = filled(a * H, rng);
    c = filled(B * D, rng);
    h1 = filled(B * H, rng);
    y = filled(B * a, rng);
    dy = filled(B * a, rng);
    dh1 = filled(B * H, rng);
    dc = filled(B * D, rng);
    dw1 = filled(F * K, rng);
    dw2 = filled(H * D, rng);
    dw3 = filled(a * H, rng);
    buffers = new FloatPointer[] {cols, w1, w2, w3, c, h1, y, dy, dh1, dc, dw1, dw2, dw3};
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
    for (FloatPointer p : buffers) {
      p.close();
    }
  }

  /** Row-major C [m, n] = op(A) op(B), op(A) [m, k], with the leading dimensions of the untransposed operands. */
  private static void gemm(boolean ta, boolean tb, int m, int n, int k, FloatPointer a, FloatPointer b,
      FloatPointer out) {
    cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, m, n, k, 1f,
        a, ta ? m : k, b, tb ? k : n, 0f, out, n);
  }

  @Benchmark
  public UpdateResult update() {
    agent.observe(spare[next]);
    next = (next + 1) % spare.length;
    UpdateResult r = agent.update();
    if (!r.updated()) {
      throw new IllegalStateException("no gradient step was taken");
    }
    return r;
  }

  /**
   * The agent's whole share of one training step: {@link #update}, then the {@code act} of the next step, which first
   * copies the freshly updated parameters into the plain-Java network that acts.
   */
  @Benchmark
  public int actObserveUpdate() {
    Transition t = spare[next];
    update();
    return agent.act(t.nextObservation(), ActMode.EXPLORE);
  }

  @Benchmark
  public FloatPointer floorProducts() {
    int a = OUTPUTS.get(config);
    // online forward at s
    gemm(false, true, B * P, F, K, cols, w1, c);
    gemm(false, true, B, H, D, c, w2, h1);
    gemm(false, true, B, a, H, h1, w3, y);
    // backward
    gemm(true, false, a, H, B, dy, h1, dw3);
    gemm(false, false, B, H, a, dy, w3, dh1);
    gemm(true, false, H, D, B, dh1, c, dw2);
    gemm(false, false, B, D, H, dh1, w2, dc);
    gemm(true, false, F, K, B * P, dc, cols, dw1);
    // target forward at s'
    gemm(false, true, B * P, F, K, cols, w1, c);
    gemm(false, true, B, H, D, c, w2, h1);
    gemm(false, true, B, a, H, h1, w3, y);
    return dw1;
  }
}
