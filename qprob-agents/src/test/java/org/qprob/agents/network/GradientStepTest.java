package org.qprob.agents.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.qprob.agents.config.OptimizerConfig;

/** {@link GradientStep} against DL4J's own updaters: the same parameters, bit for bit, step after step. */
class GradientStepTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"FLOAT, adam", "FLOAT, sgd", "DOUBLE, adam", "DOUBLE, sgd"})
  void stepsEqualDl4jUpdatersBitForBit(DataType type, String name) {
    double lr = 3e-3;
    OptimizerConfig config = new OptimizerConfig(name, lr, 0.85, 0.995, 1e-7, 0);
    IUpdater updater = name.equals("adam") ? new Adam(lr, 0.85, 0.995, 1e-7) : new Sgd(lr);
    MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(type)
        .updater(updater).miniBatch(false).trainingWorkspaceMode(WorkspaceMode.NONE).list()
        .layer(new DenseLayer.Builder().nIn(20).nOut(30).activation(Activation.RELU).build())
        .layer(new DenseLayer.Builder().nIn(30).nOut(5).activation(Activation.IDENTITY).build()).build());
    net.init();
    net.initGradientsView();
    int n = (int) net.numParams();
    INDArray dl4jGradient = net.getGradientsViewArray();
    INDArray parameters = Nd4j.create(type, 1, n);
    INDArray gradient = Nd4j.create(type, 1, n);
    parameters.assign(net.params());
    GradientStep step = GradientStep.create(config, lr, 0, parameters, gradient);
    SplittableRandom rng = new SplittableRandom(9);
    for (int t = 0; t < 60; t++) {
      double scale = Math.pow(10, rng.nextDouble(-6, 1));
      double[] g = new double[n];
      for (int i = 0; i < n; i++) {
        g[i] = rng.nextDouble(-1, 1) * scale;
      }
      INDArray values = Nd4j.create(g, new long[] {1, n}, 'c').castTo(type);
      dl4jGradient.assign(values);
      gradient.assign(values);
      net.getUpdater().update(net, new DefaultGradient(dl4jGradient), t, 0, 1, LayerWorkspaceMgr.noWorkspaces());
      net.params().subi(dl4jGradient.reshape(net.params().shape()));
      step.apply(gradient, t);
      assertThat(parameters.dup('c').data().asDouble()).as("step %d", t)
          .containsExactly(net.params().dup('c').data().asDouble());
    }
  }
}
