package org.qprob.agents.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.qprob.agents.config.NetworkConfig;
import org.qprob.agents.config.OptimizerConfig;
import org.qprob.agents.random.RandomStream;

/** The OpenBLAS passes of {@link Mlp} against DL4J's own dense layers on the same parameters. */
class BlasStackTest {
  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
      for (String activation : NetworkConfig.ACTIVATIONS) {
        for (int rows : new int[] {1, 37, 128}) {
          cases.add(Arguments.of(type, activation, rows));
        }
      }
    }
    return cases.stream();
  }

  private static Mlp net(String activation, DataType type, long seed) {
    NetworkConfig cfg = new NetworkConfig(List.of(96, 64), activation, "torch-default", false, -4, 8, false);
    return Mlp.create(cfg, 5, 3, OptimizerConfig.defaults(), 1e-2, 0, type, new RandomStream(seed));
  }

  private static float[] rows(RandomStream rng, int n, double scale) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) ((2 * rng.nextDouble() - 1) * scale);
    }
    return x;
  }

  private static double[][] errors(RandomStream rng, int rows, int cols) {
    double[][] e = new double[rows][cols];
    for (double[] row : e) {
      for (int j = 0; j < cols; j++) {
        row[j] = rng.nextDouble() - 0.5;
      }
    }
    return e;
  }

  @ParameterizedTest(name = "{0} {1} rows={2}")
  @MethodSource("cases")
  void outputsAndGradientsEqualDl4jLayers(DataType type, String activation, int rows) {
    Mlp mlp = net(activation, type, 17);
    RandomStream rng = new RandomStream(rows);
    // move the parameters off their initial values first
    for (int k = 0; k < 3; k++) {
      mlp.forwardForTraining(rows(rng, 20 * 5, 2), 20);
      mlp.step(mlp.gradient(errors(rng, 20, 3)));
    }
    float[] x = rows(rng, rows * 5, 3);
    double[][] eps = errors(rng, rows, 3);
    double[][] y = mlp.forwardForTraining(x, rows);
    double[] g = Mlp.flat(mlp.gradient(eps));

    MultiLayerNetwork dl4j = mlp.network();
    dl4j.setInput(mlp.matrix(x, rows));
    List<INDArray> activations = dl4j.feedForward(true, false);
    double[] yRef = activations.get(activations.size() - 1).dup('c').data().asDouble();
    double[] flatEps = new double[rows * 3];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(eps[i], 0, flatEps, i * 3, 3);
    }
    dl4j.backpropGradient(Nd4j.create(flatEps, new long[] {rows, 3}, 'c').castTo(type),
        LayerWorkspaceMgr.noWorkspaces());
    double[] gRef = dl4j.getGradientsViewArray().dup('c').data().asDouble();

    // float: a few units in the last place (DL4J may call OpenBLAS with the operands transposed, which sums in
    // another order with some kernels, and its float tanh/exp and bias sums round differently); double: DL4J's
    // leaky-relu derivative uses a slightly different slope (relative differences ~1e-10)
    double tolerance = type == DataType.FLOAT ? 2e-6 : 1e-9;
    double yScale = 0;
    for (double v : yRef) {
      yScale = Math.max(yScale, Math.abs(v));
    }
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(y[i][j]).as("output %d,%d", i, j).isCloseTo(yRef[i * 3 + j], within(tolerance * yScale));
      }
    }
    double gScale = 0;
    for (double v : gRef) {
      gScale = Math.max(gScale, Math.abs(v));
    }
    assertThat(gScale).isGreaterThan(0);
    for (int k = 0; k < g.length; k++) {
      assertThat(g[k]).as("gradient %d", k).isCloseTo(gRef[k], within(tolerance * gScale));
    }
  }

  @Test
  void anInferencePassBetweenForwardAndGradientChangesNothing() {
    Mlp a = net("tanh", DataType.DOUBLE, 5);
    Mlp b = net("tanh", DataType.DOUBLE, 5);
    RandomStream rng = new RandomStream(6);
    float[] x = rows(rng, 30 * 5, 2);
    float[] other = rows(rng, 200 * 5, 2);
    double[][] eps = errors(rng, 30, 3);
    a.forwardForTraining(x, 30);
    double[] expected = Mlp.flat(a.gradient(eps));
    double[][] y = b.forwardForTraining(x, 30);
    double[][] otherOutputs = b.output(other, 200);
    double[] got = Mlp.flat(b.gradient(eps));
    assertThat(got).containsExactly(expected);
    assertThat(otherOutputs).hasNumberOfRows(200);
    assertThat(b.output(x, 30)).isDeepEqualTo(y);
  }

  @Test
  void aGradientWithoutATrainingPassFails() {
    Mlp mlp = net("relu", DataType.FLOAT, 1);
    mlp.output(new float[5], 1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> mlp.gradient(new double[1][3]))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no forward pass for training");
  }
}
