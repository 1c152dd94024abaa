package org.qprob.agents.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.qprob.agents.config.ConvConfig;
import org.qprob.agents.config.NetworkConfig;
import org.qprob.agents.config.OptimizerConfig;
import org.qprob.agents.random.RandomStream;

/**
 * The convolutional torso's OpenBLAS passes against DL4J's own {@code ConvolutionLayer} and dense layers on the same
 * parameters, against central differences in double precision, and the plain-Java acting copy against both.
 */
class ConvolutionTest {
  /** A grid shape, a convolution and hidden widths. */
  record Torso(String name, int[] shape, ConvConfig conv, List<Integer> hidden) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final Torso MINATAR = new Torso("minatar 10x10x4", new int[] {10, 10, 4}, ConvConfig.minAtar(), List.of(32));
  static final Torso STRIDED = new Torso("7x9x3 k3 s2 same", new int[] {7, 9, 3}, new ConvConfig(5, 3, 2, "same"),
      List.of(12, 8));
  static final Torso WIDE = new Torso("6x5x2 k4 s1 valid", new int[] {6, 5, 2}, new ConvConfig(3, 4, 1, "valid"),
      List.of());

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
      for (Torso torso : List.of(MINATAR, STRIDED, WIDE)) {
        for (String activation : List.of("relu", "tanh")) {
          for (int rows : new int[] {1, 33}) {
            cases.add(Arguments.of(type, torso, activation, rows));
          }
        }
      }
    }
    return cases.stream();
  }

  static Mlp net(Torso torso, String activation, DataType type, int outputs, long seed) {
    NetworkConfig cfg = new NetworkConfig(torso.hidden(), activation, "torch-default", false, -4, 8, false,
        torso.conv());
    return Mlp.create(cfg, torso.shape(), outputs, OptimizerConfig.defaults(), 1e-2, 0, type, new RandomStream(seed));
  }

  private static int cells(int[] shape) {
    return shape[0] * shape[1] * shape[2];
  }

  /** Grids of 0/1 cells, about a third of them set, as MinAtar's. */
  static float[] grids(RandomStream rng, int rows, int[] shape) {
    float[] x = new float[rows * cells(shape)];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.nextDouble() < 0.3 ? 1f : 0f;
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

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }

  @ParameterizedTest(name = "{0} {1} {2} rows={3}")
  @MethodSource("cases")
  void outputsAndGradientsEqualDl4jConvolutionAndDenseLayers(DataType type, Torso torso, String activation,
      int rows) {
    Mlp mlp = net(torso, activation, type, 3, 17);
    RandomStream rng = new RandomStream(rows + 100);
    // move the parameters off their initial values first
    for (int k = 0; k < 3; k++) {
      mlp.forwardForTraining(grids(rng, 20, torso.shape()), 20);
      mlp.step(mlp.gradient(errors(rng, 20, 3)));
    }
    float[] x = grids(rng, rows, torso.shape());
    double[][] eps = errors(rng, rows, 3);
    double[][] y = mlp.forwardForTraining(x, rows);
    double[] g = Mlp.flat(mlp.gradient(eps));

    MultiLayerNetwork dl4j = mlp.network();
    int[] s = torso.shape();
    // DL4J's convolution reads NHWC: the channels-last grids as they are
    dl4j.setInput(Nd4j.create(x, new long[] {rows, s[0], s[1], s[2]}, 'c').castTo(type));
    List<INDArray> activations = dl4j.feedForward(true, false);
    double[] yRef = activations.get(activations.size() - 1).dup('c').data().asDouble();
    double[] flatEps = new double[rows * 3];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(eps[i], 0, flatEps, i * 3, 3);
    }
    dl4j.backpropGradient(Nd4j.create(flatEps, new long[] {rows, 3}, 'c').castTo(type),
        LayerWorkspaceMgr.noWorkspaces());
    double[] gRef = dl4j.getGradientsViewArray().dup('c').data().asDouble();

    double tolerance = type == DataType.FLOAT ? 2e-6 : 1e-10;
    double yScale = maxAbs(yRef);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < 3; j++) {
        assertThat(y[i][j]).as("output %d,%d", i, j).isCloseTo(yRef[i * 3 + j], within(tolerance * yScale));
      }
    }
    double gScale = maxAbs(gRef);
    assertThat(gScale).isGreaterThan(0);
    assertThat(g).hasSameSizeAs(gRef);
    int convParameters = mlp.parameterCount() - (int) dl4j.getLayer(dl4j.getnLayers() - 1).numParams();
    double convScale = 0;
    for (int k = 0; k < g.length; k++) {
      assertThat(g[k]).as("gradient %d", k).isCloseTo(gRef[k], within(tolerance * gScale));
      if (k < (int) dl4j.getLayer(0).numParams()) {
        convScale = Math.max(convScale, Math.abs(gRef[k]));
      }
    }
    // the convolution's own gradient is not all zero (the check above would pass trivially on it)
    assertThat(convScale).as("convolution gradient scale").isGreaterThan(0);
    assertThat(convParameters).isGreaterThan(0);
  }

  static Stream<Arguments> checks() {
    return Stream.of(Arguments.of(MINATAR, "tanh"), Arguments.of(STRIDED, "elu"), Arguments.of(WIDE, "sigmoid"),
        Arguments.of(MINATAR, "relu"));
  }

  /**
   * Whole-network check in double precision: the gradient of {@code L = sum eps . y} (so dL/dy = eps) against central
   * differences of L with respect to every parameter, convolution included.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("checks")
  void gradientMatchesCentralDifferences(Torso torso, String activation) {
    Torso small = new Torso(torso.name(), torso.shape(),
        new ConvConfig(4, torso.conv().kernel(), torso.conv().stride(), torso.conv().padding()), List.of(6));
    Mlp mlp = net(small, activation, DataType.DOUBLE, 3, 5);
    RandomStream rng = new RandomStream(6);
    int rows = 4;
    float[] x = grids(rng, rows, small.shape());
    double[][] eps = errors(rng, rows, 3);
    mlp.forwardForTraining(x, rows);
    double[] analytic = Mlp.flat(mlp.gradient(eps));
    INDArray params = mlp.parameters();
    double h = 1e-6;
    double maxRel = 0;
    int compared = 0;
    for (int k = 0; k < params.length(); k++) {
      double p0 = params.getDouble(k);
      params.putScalar(k, p0 + h);
      double up = dot(mlp.output(x, rows), eps);
      params.putScalar(k, p0 - h);
      double down = dot(mlp.output(x, rows), eps);
      params.putScalar(k, p0);
      double numeric = (up - down) / (2 * h);
      double scale = Math.max(Math.abs(analytic[k]), Math.abs(numeric));
      if (scale > 1e-7) {
        maxRel = Math.max(maxRel, Math.abs(analytic[k] - numeric) / scale);
        compared++;
      }
    }
    assertThat(compared).as("parameters with a gradient").isGreaterThan((int) params.length() / 2);
    assertThat(maxRel).as("max relative error").isLessThan(1e-5);
  }

  private static double dot(double[][] y, double[][] eps) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      for (int j = 0; j < y[i].length; j++) {
        sum += y[i][j] * eps[i][j];
      }
    }
    return sum;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("torsos")
  void theActingCopyEqualsTheBlasForward(Torso torso) {
    Mlp mlp = net(torso, "relu", DataType.FLOAT, 4, 9);
    RandomStream rng = new RandomStream(10);
    mlp.forwardForTraining(grids(rng, 16, torso.shape()), 16);
    mlp.step(mlp.gradient(errors(rng, 16, 4)));
    HostMlp host = mlp.hostCopy();
    int n = cells(torso.shape());
    float[] x = grids(rng, 12, torso.shape());
    double[][] y = mlp.output(x, 12);
    double scale = 0;
    for (double[] row : y) {
      scale = Math.max(scale, maxAbs(row));
    }
    for (int i = 0; i < 12; i++) {
      float[] one = java.util.Arrays.copyOfRange(x, i * n, (i + 1) * n);
      float[] got = host.forward(one);
      for (int j = 0; j < 4; j++) {
        assertThat((double) got[j]).as("row %d output %d", i, j).isCloseTo(y[i][j], within(2e-6 * scale));
      }
    }
  }

  static Stream<Torso> torsos() {
    return Stream.of(MINATAR, STRIDED, WIDE);
  }

  @Test
  void aConvolutionNeedsAGridThatHoldsItsKernel() {
    NetworkConfig conv = NetworkConfig.minAtar();
    assertThatThrownBy(() -> Mlp.create(conv, new int[] {4}, 2, OptimizerConfig.defaults(), 1e-3, 0,
        DataType.FLOAT, new RandomStream(1)))
        .hasMessage("network.conv needs observations on a grid of shape [rows, columns, channels]; the observation"
            + " space has shape [4]; expected no network.conv for it");
    NetworkConfig big = conv.withConv(new ConvConfig(16, 11, 1, "valid"));
    assertThatThrownBy(() -> Mlp.parameterCount(big, new int[] {10, 10, 4}, 3))
        .hasMessage("network.conv.kernel = 11 does not fit the observation's 10 rows; expected a kernel of at most 10");
    assertThatThrownBy(() -> new ConvConfig(16, 3, 0, "valid"))
        .hasMessage("conv.stride = 0 is invalid; expected an integer >= 1");
    assertThatThrownBy(() -> new ConvConfig(16, 3, 1, "full"))
        .hasMessage("conv.padding = \"full\" is invalid; expected one of [valid, same]");
    assertThatThrownBy(() -> new ConvConfig(16, 2, 1, "same"))
        .hasMessage("conv.padding = \"same\" does not fit conv.kernel = 2; expected an odd kernel or"
            + " padding valid");
  }

  /**
   * The im2col rows, value for value and bit for bit, are the gather's definition (cell {@code source(p, e)}, 0 on
   * the padding): on sparse 0/1 grids as MinAtar's, dense values, and signed zeros.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("torsos")
  void im2colIsTheGatherBitForBit(Torso torso) {
    Convolution conv = Convolution.of(torso.conv(), torso.shape());
    int samples = 5;
    int n = conv.positions() * conv.patch();
    RandomStream rng = new RandomStream(17);
    float[] x = new float[samples * conv.inputs()];
    double[] xd = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      int s = i / conv.inputs();
      float v = switch (s) {
        case 0 -> 0f;                                           // an empty grid
        case 1, 2 -> rng.nextDouble() < 0.1 ? 1f : 0f;          // sparse booleans
        case 3 -> (float) (rng.nextDouble() * 2 - 1);          // dense values
        default -> rng.nextDouble() < 0.5 ? -0f : 0f;           // signed zeros
      };
      x[i] = v;
      xd[i] = v;
    }
    float[] cols = new float[samples * n];
    java.util.Arrays.fill(cols, Float.NaN); // whatever the buffer held before
    double[] colsD = new double[samples * n];
    java.util.Arrays.fill(colsD, Double.NaN);
    conv.im2col(x, samples, cols);
    conv.im2col(xd, samples, colsD);
    for (int s = 0; s < samples; s++) {
      for (int p = 0; p < conv.positions(); p++) {
        for (int e = 0; e < conv.patch(); e++) {
          int cell = conv.source(p, e);
          float expected = cell < 0 ? 0f : x[s * conv.inputs() + cell];
          int j = s * n + p * conv.patch() + e;
          assertThat(Float.floatToRawIntBits(cols[j])).as("sample %d position %d element %d", s, p, e)
              .isEqualTo(Float.floatToRawIntBits(expected));
          assertThat(Double.doubleToRawLongBits(colsD[j])).isEqualTo(Double.doubleToRawLongBits((double) expected));
        }
      }
    }
  }

  @Test
  void minAtarsNetworkHasTheParametersOfItsPytorchModel() {
    // Conv2d(4, 16, 3): 16 * 4 * 9 + 16; Linear(8 * 8 * 16, 128); Linear(128, 6)
    assertThat(Mlp.parameterCount(NetworkConfig.minAtar(), new int[] {10, 10, 4}, 6))
        .isEqualTo(16 * 4 * 9 + 16 + 1024 * 128 + 128 + 128 * 6 + 6);
    assertThat(Mlp.widths(NetworkConfig.minAtar(), new int[] {10, 10, 4}, 6)).containsExactly(400, 1024, 128, 6);
  }
}
