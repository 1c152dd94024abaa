package org.qprob.agents.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeplearning4j.nn.gradient.Gradient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.qprob.agents.config.NetworkConfig;
import org.qprob.agents.config.OptimizerConfig;
import org.qprob.agents.random.RandomStream;

class MlpTest {
  private static Mlp net(String activation, String init, long seed, OptimizerConfig opt, double clip) {
    NetworkConfig cfg = new NetworkConfig(List.of(128, 128), activation, init, false, -4, 8, false);
    return Mlp.create(cfg, 4, 3, opt, opt.learningRate(), clip, DataType.FLOAT, new RandomStream(seed));
  }

  private static float[] randomRows(RandomStream rng, int rows, int width, double scale) {
    float[] x = new float[rows * width];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) ((2 * rng.nextDouble() - 1) * scale);
    }
    return x;
  }

  @ParameterizedTest
  @ValueSource(strings = {"relu", "tanh", "elu", "leaky-relu", "sigmoid"})
  void plainJavaForwardEqualsDl4jForward(String activation) {
    for (String init : NetworkConfig.WEIGHT_INITS) {
      Mlp mlp = net(activation, init, 7, OptimizerConfig.defaults(), 0);
      RandomStream rng = new RandomStream(11);
      // a few Adam steps so that the parameters are not just the initial ones
      for (int k = 0; k < 3; k++) {
        float[] x = randomRows(rng, 16, 4, 2);
        mlp.forwardForTraining(mlp.matrix(x, 16));
        double[][] eps = new double[16][3];
        for (double[] row : eps) {
          for (int j = 0; j < 3; j++) {
            row[j] = rng.nextDouble() - 0.5;
          }
        }
        mlp.step(mlp.gradient(eps));
      }
      HostMlp host = mlp.hostCopy();
      float[] x = randomRows(rng, 50, 4, 3);
      double[][] expected = mlp.output(mlp.matrix(x, 50));
      for (int i = 0; i < 50; i++) {
        float[] out = host.forward(java.util.Arrays.copyOfRange(x, i * 4, i * 4 + 4));
        for (int j = 0; j < 3; j++) {
          assertThat((double) out[j]).as("%s %s row %d output %d", activation, init, i, j)
              .isCloseTo(expected[i][j], within(1e-5 * Math.max(1, Math.abs(expected[i][j]))));
        }
      }
    }
  }

  @Test
  void flatOutputsAndGradientsAreTheRowsOnesBitForBit() {
    Mlp flat = net("relu", "torch-default", 5, OptimizerConfig.defaults(), 0);
    Mlp rows = net("relu", "torch-default", 5, OptimizerConfig.defaults(), 0);
    RandomStream rng = new RandomStream(13);
    for (int k = 0; k < 4; k++) {
      int n = 5 + 7 * k;
      float[] x = randomRows(rng, n, 4, 2);
      double[] f = flat.forwardForTrainingFlat(x, n);
      double[][] r = rows.forwardForTraining(x, n);
      assertThat(f).hasSize(n * 3);
      double[][] eps = new double[n][3];
      double[] epsFlat = new double[n * 3];
      for (int i = 0; i < n; i++) {
        assertThat(java.util.Arrays.copyOfRange(f, i * 3, i * 3 + 3)).as("row %d", i).containsExactly(r[i]);
        for (int j = 0; j < 3; j++) {
          eps[i][j] = rng.nextDouble() - 0.5;
          epsFlat[i * 3 + j] = eps[i][j];
        }
      }
      assertThat(Mlp.flat(flat.gradient(epsFlat))).containsExactly(Mlp.flat(rows.gradient(eps)));
      flat.step(flat.gradient(epsFlat));
      rows.step(rows.gradient(eps));
      float[] y = randomRows(rng, n, 4, 3);
      double[] out = flat.outputFlat(y, n);
      double[][] outRows = rows.output(y, n);
      for (int i = 0; i < n; i++) {
        assertThat(java.util.Arrays.copyOfRange(out, i * 3, i * 3 + 3)).containsExactly(outRows[i]);
      }
    }
    assertThat(flat.parameters().toDoubleVector()).containsExactly(rows.parameters().toDoubleVector());
  }

  @Test
  void initialisationFollowsTheSchemeAndTheSeed() {
    Mlp a = net("relu", "torch-default", 3, OptimizerConfig.defaults(), 0);
    Mlp b = net("relu", "torch-default", 3, OptimizerConfig.defaults(), 0);
    Mlp c = net("relu", "torch-default", 4, OptimizerConfig.defaults(), 0);
    assertThat(a.parameters().toDoubleVector()).containsExactly(b.parameters().toDoubleVector());
    assertThat(a.parameters().toDoubleVector()).isNotEqualTo(c.parameters().toDoubleVector());
    // first layer: 4 inputs, so weights and biases in +-1/2; they should fill that range
    double[] p = a.parameters().toDoubleVector();
    double max = 0;
    for (int k = 0; k < 4 * 128 + 128; k++) {
      max = Math.max(max, Math.abs(p[k]));
    }
    assertThat(max).isLessThanOrEqualTo(0.5).isGreaterThan(0.49);
    Mlp x = net("relu", "xavier-uniform", 3, OptimizerConfig.defaults(), 0);
    double[] px = x.parameters().toDoubleVector();
    for (int k = 4 * 128; k < 4 * 128 + 128; k++) {
      assertThat(px[k]).as("xavier bias %d", k).isZero();
    }
  }

  @Test
  void sgdStepSubtractsLearningRateTimesGradient() {
    OptimizerConfig sgd = new OptimizerConfig("sgd", 0.1, 0.9, 0.999, 1e-8, 0);
    Mlp mlp = net("tanh", "torch-default", 5, sgd, 0);
    RandomStream rng = new RandomStream(1);
    float[] x = randomRows(rng, 8, 4, 1);
    mlp.forwardForTraining(mlp.matrix(x, 8));
    double[][] eps = new double[8][3];
    eps[2][1] = 1.0;
    eps[5][0] = -0.5;
    Gradient g = mlp.gradient(eps);
    double[] grad = Mlp.flat(g);
    double[] before = mlp.parameters().toDoubleVector();
    mlp.step(g);
    double[] after = mlp.parameters().toDoubleVector();
    for (int k = 0; k < before.length; k++) {
      assertThat(after[k]).isCloseTo(before[k] - 0.1 * grad[k], within(1e-6));
    }
  }

  @Test
  void globalNormClipRescalesTheWholeGradient() {
    OptimizerConfig sgd = new OptimizerConfig("sgd", 1.0, 0.9, 0.999, 1e-8, 0);
    Mlp mlp = net("relu", "torch-default", 5, sgd, 0.01);
    RandomStream rng = new RandomStream(2);
    float[] x = randomRows(rng, 8, 4, 1);
    mlp.forwardForTraining(mlp.matrix(x, 8));
    double[][] eps = new double[8][3];
    for (double[] row : eps) {
      row[0] = 1;
      row[2] = -2;
    }
    Gradient g = mlp.gradient(eps);
    double[] grad = Mlp.flat(g);
    double norm = 0;
    for (double v : grad) {
      norm += v * v;
    }
    norm = Math.sqrt(norm);
    assertThat(norm).isGreaterThan(0.1);
    double[] before = mlp.parameters().toDoubleVector();
    double reported = mlp.step(g);
    assertThat(reported).isCloseTo(norm, within(1e-4 * norm));
    double[] after = mlp.parameters().toDoubleVector();
    double stepNorm = 0;
    for (int k = 0; k < before.length; k++) {
      double d = before[k] - after[k];
      stepNorm += d * d;
      assertThat(d).isCloseTo(grad[k] * 0.01 / norm, within(1e-6));
    }
    assertThat(Math.sqrt(stepNorm)).isCloseTo(0.01, within(1e-5));
  }

  @Test
  void adamFirstStepMovesEachParameterByTheLearningRateAgainstItsGradientSign() {
    OptimizerConfig adam = OptimizerConfig.defaults().withLearningRate(1e-3);
    Mlp mlp = net("relu", "torch-default", 9, adam, 0);
    RandomStream rng = new RandomStream(3);
    float[] x = randomRows(rng, 8, 4, 1);
    mlp.forwardForTraining(mlp.matrix(x, 8));
    double[][] eps = new double[8][3];
    for (double[] row : eps) {
      row[1] = 0.3;
    }
    Gradient g = mlp.gradient(eps);
    double[] grad = Mlp.flat(g);
    double[] before = mlp.parameters().toDoubleVector();
    mlp.step(g);
    double[] after = mlp.parameters().toDoubleVector();
    int moved = 0;
    for (int k = 0; k < before.length; k++) {
      if (Math.abs(grad[k]) > 1e-4) {
        assertThat(before[k] - after[k]).as("param %d", k).isCloseTo(1e-3 * Math.signum(grad[k]), within(2e-5));
        moved++;
      }
    }
    assertThat(moved).isGreaterThan(100);
  }

  @Test
  void followCopiesOrAveragesParameters() {
    Mlp a = net("relu", "torch-default", 1, OptimizerConfig.defaults(), 0);
    Mlp b = net("relu", "torch-default", 2, OptimizerConfig.defaults(), 0);
    double[] pa = a.parameters().toDoubleVector();
    double[] pb = b.parameters().toDoubleVector();
    b.follow(a, 0.25);
    double[] mixed = b.parameters().toDoubleVector();
    for (int k = 0; k < pa.length; k++) {
      assertThat(mixed[k]).isCloseTo(0.25 * pa[k] + 0.75 * pb[k], within(1e-6));
    }
    b.follow(a, 1.0);
    assertThat(b.parameters().toDoubleVector()).containsExactly(pa);
  }
}
