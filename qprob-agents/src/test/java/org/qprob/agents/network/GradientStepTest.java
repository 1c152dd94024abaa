package org.qprob.agents.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.util.Arrays;
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
  /** DL4J's network with its updater, and a {@link GradientStep} on a copy of its parameters, stepped side by side. */
  private static final class SideBySide {
    final MultiLayerNetwork net;
    final INDArray dl4jGradient;
    final INDArray parameters;
    final INDArray gradient;
    final GradientStep step;
    final DataType type;
    final int n;

    SideBySide(DataType type, OptimizerConfig config, IUpdater updater, DenseLayer... layers) {
      this.type = type;
      NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().dataType(type).updater(updater)
          .miniBatch(false).trainingWorkspaceMode(WorkspaceMode.NONE).list();
      for (DenseLayer layer : layers) {
        list.layer(layer);
      }
      net = new MultiLayerNetwork(list.build());
      net.init();
      net.initGradientsView();
      n = (int) net.numParams();
      dl4jGradient = net.getGradientsViewArray();
      parameters = Nd4j.create(type, 1, n);
      gradient = Nd4j.create(type, 1, n);
      parameters.assign(net.params());
      step = GradientStep.create(config, config.learningRate(), 0, parameters, gradient);
    }

    /** Step {@code t} with gradient {@code g} on both; the parameters must agree bit for bit. */
    void step(int t, double[] g) {
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

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"FLOAT, adam", "FLOAT, sgd", "DOUBLE, adam", "DOUBLE, sgd"})
  void stepsEqualDl4jUpdatersBitForBit(DataType type, String name) {
    double lr = 3e-3;
    SideBySide both = new SideBySide(type, new OptimizerConfig(name, lr, 0.85, 0.995, 1e-7, 0),
        name.equals("adam") ? new Adam(lr, 0.85, 0.995, 1e-7) : new Sgd(lr),
        new DenseLayer.Builder().nIn(20).nOut(30).activation(Activation.RELU).build(),
        new DenseLayer.Builder().nIn(30).nOut(5).activation(Activation.IDENTITY).build());
    SplittableRandom rng = new SplittableRandom(9);
    for (int t = 0; t < 60; t++) {
      double scale = Math.pow(10, rng.nextDouble(-6, 1));
      double[] g = new double[both.n];
      for (int i = 0; i < g.length; i++) {
        g[i] = rng.nextDouble(-1, 1) * scale;
      }
      both.step(t, g);
    }
  }

  /**
   * Half the parameters get a gradient for 20 steps, then 0 for good (the weights of a unit that stopped firing): their
   * Adam moments decay into the subnormal range (DL4J's state holds such values at the end, the precondition), which
   * the step flushes to 0 every {@link GradientStep#FLUSH_EVERY} steps; the parameters stay DL4J's bit for bit.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"FLOAT, 800", "DOUBLE, 4500"})
  void flushingSubnormalMomentsLeavesTheParametersBitForBit(DataType type, int steps) throws IOException {
    double lr = 3e-3;
    SideBySide both = new SideBySide(type, new OptimizerConfig("adam", lr, 0.85, 0.995, 1e-7, 0),
        new Adam(lr, 0.85, 0.995, 1e-7), new DenseLayer.Builder().nIn(4).nOut(6).activation(Activation.IDENTITY).build());
    SplittableRandom rng = new SplittableRandom(3);
    for (int t = 0; t < steps; t++) {
      double[] g = new double[both.n];
      for (int i = 0; i < g.length; i++) {
        g[i] = i < both.n / 2 || t < 20 ? rng.nextDouble(-1, 1) * 1e-2 : 0;
      }
      both.step(t, g);
    }
    double smallestNormal = type == DataType.FLOAT ? Float.MIN_NORMAL : Double.MIN_NORMAL;
    assertThat(Arrays.stream(both.net.getUpdater().getStateViewArray().dup('c').data().asDouble())
        .filter(x -> x != 0 && Math.abs(x) < smallestNormal).count())
        .as("DL4J's moments (unflushed) in the subnormal range").isPositive();
    both.step.apply(both.gradient, steps - steps % GradientStep.FLUSH_EVERY + GradientStep.FLUSH_EVERY);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      both.step.write(out);
    }
    DoubleBuffer state = ByteBuffer.wrap(bytes.toByteArray()).asDoubleBuffer();
    while (state.hasRemaining()) {
      double x = state.get();
      assertThat(x == 0 || Math.abs(x) >= smallestNormal).as("flushed moment %s", x).isTrue();
    }
  }

  /**
   * RMSprop against PyTorch's {@code torch.optim.RMSprop} written out as its docs give it (square_avg, grad_avg by
   * {@code lerp}, {@code addcdiv}), in double, over steps whose gradient scale jumps by orders of magnitude; the float
   * step within float rounding of it.
   */
  @ParameterizedTest(name = "{0} centered={1}")
  @CsvSource({"FLOAT, false", "FLOAT, true", "DOUBLE, false", "DOUBLE, true"})
  void rmspropFollowsPytorchsFormula(DataType type, boolean centered) {
    int n = 257;
    double lr = 2.5e-4;
    double alpha = 0.95;
    double eps = 0.01;
    OptimizerConfig config = new OptimizerConfig("rmsprop", lr, 0.9, 0.999, eps, 0, alpha, centered);
    SplittableRandom rng = new SplittableRandom(5);
    double[] p = new double[n];
    for (int i = 0; i < n; i++) {
      p[i] = rng.nextDouble(-1, 1);
    }
    INDArray parameters = Nd4j.create(p, new long[] {1, n}, 'c').castTo(type);
    INDArray gradient = Nd4j.create(type, 1, n);
    double[] expected = parameters.dup('c').data().asDouble();
    double[] squareAvg = new double[n];
    double[] gradAvg = new double[n];
    GradientStep step = GradientStep.create(config, lr, 0, parameters, gradient);
    for (int t = 0; t < 40; t++) {
      double scale = Math.pow(10, rng.nextDouble(-4, 1));
      double[] g = new double[n];
      for (int i = 0; i < n; i++) {
        g[i] = (rng.nextDouble(-1, 1) + 0.3) * scale;
      }
      INDArray values = Nd4j.create(g, new long[] {1, n}, 'c').castTo(type);
      double[] gt = values.dup('c').data().asDouble(); // the gradient as the network's precision holds it
      gradient.assign(values);
      step.apply(gradient, t);
      for (int i = 0; i < n; i++) {
        squareAvg[i] = squareAvg[i] * alpha + (1 - alpha) * gt[i] * gt[i]; // square_avg.mul_(alpha).addcmul_(g, g, 1 - alpha)
        double avg;
        if (centered) {
          gradAvg[i] = gradAvg[i] + (1 - alpha) * (gt[i] - gradAvg[i]); // grad_avg.lerp_(g, 1 - alpha)
          avg = Math.sqrt(squareAvg[i] - gradAvg[i] * gradAvg[i]) + eps;
        } else {
          avg = Math.sqrt(squareAvg[i]) + eps;
        }
        expected[i] -= lr * gt[i] / avg; // param.addcdiv_(g, avg, value=-lr)
      }
      double[] actual = parameters.dup('c').data().asDouble();
      double tolerance = type == DataType.FLOAT ? 2e-6 : 1e-13;
      for (int i = 0; i < n; i++) {
        assertThat(actual[i]).as("step %d, parameter %d", t, i)
            .isCloseTo(expected[i], org.assertj.core.api.Assertions.within(tolerance * (1 + Math.abs(expected[i]))));
      }
    }
  }
}
