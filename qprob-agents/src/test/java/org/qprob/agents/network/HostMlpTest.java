package org.qprob.agents.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.qprob.agents.config.NetworkConfig;
import org.qprob.agents.config.OptimizerConfig;
import org.qprob.agents.network.ConvolutionTest.Torso;
import org.qprob.agents.random.RandomStream;

/**
 * The acting copy's sums, unit by unit, are those of the scaled-row loop {@code y = b; y += x_i W_i} over the nonzero
 * inputs in order, bit for bit: the arithmetic acting has always used, so that changing how the copy is laid out
 * does not move any run's actions.
 */
class HostMlpTest {
  static Stream<Arguments> nets() {
    List<Arguments> cases = new ArrayList<>();
    for (String activation : List.of("relu", "tanh")) {
      for (Torso torso : List.of(ConvolutionTest.MINATAR, ConvolutionTest.STRIDED, ConvolutionTest.WIDE)) {
        cases.add(Arguments.of(torso.name(), activation, torso.shape(), ConvolutionTest.net(torso, activation,
            DataType.FLOAT, 5, 3)));
      }
      for (List<Integer> hidden : List.of(List.of(128, 128), List.of(13, 7), List.of(9))) {
        NetworkConfig cfg = new NetworkConfig(hidden, activation, "torch-default", false, -4, 8, false);
        cases.add(Arguments.of("mlp " + hidden, activation, new int[] {6},
            Mlp.create(cfg, 6, 11, OptimizerConfig.defaults(), 1e-2, 0, DataType.FLOAT, new RandomStream(4))));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("nets")
  void forwardEqualsTheScaledRowSumsBitForBit(String name, String activation, int[] shape, Mlp mlp) {
    int cells = 1;
    for (int d : shape) {
      cells *= d;
    }
    int outputs = mlp.outputs();
    LayerLayout layout = mlp.layerLayout();
    float[] flat = mlp.parameters().toFloatVector();
    HostMlp host = mlp.hostCopy();
    Activations act = Activations.byName(activation);
    RandomStream rng = new RandomStream(17);
    for (int row = 0; row < 40; row++) {
      float[] x = new float[cells];
      for (int i = 0; i < cells; i++) {
        double u = rng.nextDouble();
        // zeros (skipped), ones (grid cells) and other values, negative zero among them
        x[i] = u < 0.4 ? 0f : u < 0.45 ? -0f : u < 0.7 ? 1f : (float) (4 * rng.nextDouble() - 2);
      }
      float[] expected = scaledRows(layout, act, flat, x);
      float[] got = host.forward(x);
      assertThat(got).hasSize(outputs);
      for (int j = 0; j < outputs; j++) {
        assertThat(Float.floatToIntBits(got[j])).as("%s row %d output %d: %s vs %s", name, row, j, got[j],
            expected[j]).isEqualTo(Float.floatToIntBits(expected[j]));
      }
    }
  }

  /** The reference: per layer {@code y = b}, then {@code y += x_i W_i} for each nonzero input i in order. */
  private static float[] scaledRows(LayerLayout layout, Activations act, float[] flat, float[] input) {
    float[] x = input;
    int layers = layout.layers();
    for (int l = 0; l < layers; l++) {
      int in = layout.fanIn(l);
      int out = layout.units(l);
      int w = (int) layout.weightAt[l];
      int b = (int) layout.biasAt[l];
      float[] y = new float[layout.sizes[l + 1]];
      if (layout.convolutional(l)) {
        Convolution conv = layout.conv;
        for (int p = 0; p < conv.positions(); p++) {
          for (int f = 0; f < out; f++) {
            y[p * out + f] = flat[b + f];
          }
          for (int e = 0; e < in; e++) {
            int cell = conv.source(p, e);
            if (cell < 0 || x[cell] == 0f) {
              continue;
            }
            for (int f = 0; f < out; f++) {
              y[p * out + f] += x[cell] * flat[w + f * in + e];
            }
          }
        }
      } else {
        System.arraycopy(flat, b, y, 0, out);
        for (int i = 0; i < in; i++) {
          if (x[i] == 0f) {
            continue;
          }
          for (int j = 0; j < out; j++) {
            y[j] += x[i] * flat[w + j * in + i];
          }
        }
      }
      if (l < layers - 1) {
        act.apply(y, y.length);
      }
      x = y;
    }
    return x;
  }
}
