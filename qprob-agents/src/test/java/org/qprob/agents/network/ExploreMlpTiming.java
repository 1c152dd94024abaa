package org.qprob.agents.network;

import java.util.List;
import org.deeplearning4j.nn.gradient.Gradient;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.qprob.agents.config.NetworkConfig;
import org.qprob.agents.config.OptimizerConfig;
import org.qprob.agents.random.RandomStream;

/** Scratch timing, deleted before hand-off. */
class ExploreMlpTiming {
  @Test
  void timing() {
    System.out.println("TIMING OMP=" + System.getenv("OMP_NUM_THREADS") + " CORE=" + System.getenv("OPENBLAS_CORETYPE"));
    Mlp mlp = Mlp.create(NetworkConfig.defaults(), 4, 3, OptimizerConfig.defaults(), 5e-4, 1.0, DataType.FLOAT, new RandomStream(1));
    RandomStream rng = new RandomStream(2);
    float[] x = new float[128 * 4];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) rng.nextDouble();
    }
    double[][] eps = new double[128][3];
    for (int rep = 0; rep < 4; rep++) {
      long tm = 0, tf = 0, tg = 0, ts = 0, to = 0;
      int n = 500;
      for (int k = 0; k < n; k++) {
        long a = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        INDArray in = mlp.matrix(x, 128);
        long b = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        double[][] out = mlp.forwardForTraining(in);
        long c = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        eps[0][0] = out[0][0] * 1e-3;
        Gradient g = mlp.gradient(eps);
        long d = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        mlp.step(g);
        long e = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        mlp.output(mlp.matrix(java.util.Arrays.copyOf(x, 256), 64));
        long f = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        tm += b - a; tf += c - b; tg += d - c; ts += e - d; to += f - e;
      }
      System.out.printf("TIMING matrix %.3f fwd %.3f grad %.3f step %.3f output64 %.3f ms%n", tm / 1e6 / n, tf / 1e6 / n,
          tg / 1e6 / n, ts / 1e6 / n, to / 1e6 / n);
    }
  }
}
