package org.qprob.agents.network;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/** Scratch timing, deleted before hand-off. */
class ExploreRaw {
  @Test
  void timing() {
    for (WorkspaceMode wm : new WorkspaceMode[] {WorkspaceMode.NONE, WorkspaceMode.ENABLED}) {
      MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT)
          .updater(new Adam(5e-4)).trainingWorkspaceMode(wm).inferenceWorkspaceMode(wm).list()
          .layer(new DenseLayer.Builder().nIn(4).nOut(128).activation(Activation.RELU).build())
          .layer(new DenseLayer.Builder().nIn(128).nOut(128).activation(Activation.RELU).build())
          .layer(new DenseLayer.Builder().nIn(128).nOut(3).activation(Activation.IDENTITY).build()).build());
      net.init();
      INDArray x = Nd4j.rand(DataType.FLOAT, 128, 4);
      for (int rep = 0; rep < 3; rep++) {
        int n = 500;
        long a = System.nanoTime();
        INDArray o = null;
        for (int k = 0; k < n; k++) {
          o = net.output(x, false);
        }
        long b = System.nanoTime();
        double[][] m = null;
        for (int k = 0; k < n; k++) {
          m = o.toDoubleMatrix();
        }
        long c = System.nanoTime();
        float[] ff = null;
        double[] dd = null;
        for (int k = 0; k < n; k++) {
          ff = o.dup('c').data().asFloat();
          dd = o.dup('c').data().asDouble();
          INDArray eps = Nd4j.create(new float[384], new long[] {128, 3}, 'c');
          INDArray eps2 = Nd4j.create(new double[384], new long[] {128, 3}, 'c').castTo(DataType.FLOAT);
        }
        long d = System.nanoTime();
        for (int k = 0; k < n; k++) {
          net.setInput(x);
          net.feedForward(true, false);
        }
        long e = System.nanoTime();
        INDArray mm = null;
        INDArray w = Nd4j.rand(DataType.FLOAT, 128, 128);
        for (int k = 0; k < n; k++) {
          mm = x.mmul(w.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4), org.nd4j.linalg.indexing.NDArrayIndex.all()));
        }
        long f = System.nanoTime();
        INDArray h = Nd4j.rand(DataType.FLOAT, 128, 128);
        for (int k = 0; k < n; k++) {
          mm = h.mmul(w);
        }
        long g = System.nanoTime();
        System.out.printf("TIMING %s output %.3f toDouble %.3f create %.3f ff %.3f mmulsmall %.3f mmul128 %.3f ms %d%n", wm, (b - a) / 1e6 / n,
            (c - b) / 1e6 / n, (d - c) / 1e6 / n, (e - d) / 1e6 / n, (f - e) / 1e6 / n, (g - f) / 1e6 / n, m.length + mm.length() + ff.length+dd.length);
      }
    }
  }
}
