package org.qprob.agents.network;

import org.nd4j.linalg.activations.Activation;

/** The hidden activations a {@link org.qprob.agents.config.NetworkConfig} names, in DL4J and in plain Java. */
enum Activations {
  RELU("relu", Activation.RELU),
  TANH("tanh", Activation.TANH),
  ELU("elu", Activation.ELU),
  LEAKY_RELU("leaky-relu", Activation.LEAKYRELU),
  SIGMOID("sigmoid", Activation.SIGMOID);

  /** DL4J's default LeakyReLU slope. */
  static final float LEAKY_SLOPE = 0.01f;
  /** The same slope in double precision. */
  static final double LEAKY_SLOPE_DOUBLE = 0.01;

  final String configName;
  final Activation dl4j;

  Activations(String configName, Activation dl4j) {
    this.configName = configName;
    this.dl4j = dl4j;
  }

  static Activations byName(String name) {
    for (Activations a : values()) {
      if (a.configName.equals(name)) {
        return a;
      }
    }
    throw new IllegalArgumentException("network.activation = \"" + name + "\" is invalid; expected one of "
        + org.qprob.agents.config.NetworkConfig.ACTIVATIONS);
  }

  /** Applies the activation in place to {@code x[0..n)}. */
  void apply(float[] x, int n) {
    switch (this) {
      case RELU -> {
        for (int i = 0; i < n; i++) {
          x[i] = Math.max(x[i], 0f);
        }
      }
      case TANH -> {
        for (int i = 0; i < n; i++) {
          x[i] = (float) Math.tanh(x[i]);
        }
      }
      case ELU -> {
        for (int i = 0; i < n; i++) {
          x[i] = x[i] > 0 ? x[i] : (float) Math.expm1(x[i]);
        }
      }
      case LEAKY_RELU -> {
        for (int i = 0; i < n; i++) {
          x[i] = x[i] > 0 ? x[i] : LEAKY_SLOPE * x[i];
        }
      }
      case SIGMOID -> {
        for (int i = 0; i < n; i++) {
          x[i] = (float) (1 / (1 + Math.exp(-x[i])));
        }
      }
      default -> throw new AssertionError(this);
    }
  }

  /** Applies the activation in place to {@code x[0..n)}, in double precision. */
  void apply(double[] x, int n) {
    switch (this) {
      case RELU -> {
        for (int i = 0; i < n; i++) {
          x[i] = Math.max(x[i], 0);
        }
      }
      case TANH -> {
        for (int i = 0; i < n; i++) {
          x[i] = Math.tanh(x[i]);
        }
      }
      case ELU -> {
        for (int i = 0; i < n; i++) {
          x[i] = x[i] > 0 ? x[i] : Math.expm1(x[i]);
        }
      }
      case LEAKY_RELU -> {
        for (int i = 0; i < n; i++) {
          x[i] = x[i] > 0 ? x[i] : LEAKY_SLOPE_DOUBLE * x[i];
        }
      }
      case SIGMOID -> {
        for (int i = 0; i < n; i++) {
          x[i] = 1 / (1 + Math.exp(-x[i]));
        }
      }
      default -> throw new AssertionError(this);
    }
  }

  /**
   * Multiplies {@code delta[0..n)} in place by the activation's derivative, read from the activation's outputs
   * {@code y[0..n)} (each of these activations' derivatives is a function of its output): relu 1 where y > 0, tanh
   * 1 - y^2, elu 1 where y > 0 else y + 1, leaky-relu 1 where y > 0 else the slope, sigmoid y (1 - y). At 0 the
   * one-sided derivatives are DL4J's (relu 0, elu 1, leaky-relu the slope).
   */
  void backprop(double[] y, double[] delta, int n) {
    switch (this) {
      case RELU -> {
        for (int i = 0; i < n; i++) {
          delta[i] = y[i] > 0 ? delta[i] : 0;
        }
      }
      case TANH -> {
        for (int i = 0; i < n; i++) {
          delta[i] *= 1 - y[i] * y[i];
        }
      }
      case ELU -> {
        for (int i = 0; i < n; i++) {
          delta[i] *= y[i] > 0 ? 1 : y[i] + 1;
        }
      }
      case LEAKY_RELU -> {
        for (int i = 0; i < n; i++) {
          delta[i] *= y[i] > 0 ? 1 : LEAKY_SLOPE_DOUBLE;
        }
      }
      case SIGMOID -> {
        for (int i = 0; i < n; i++) {
          delta[i] *= y[i] * (1 - y[i]);
        }
      }
      default -> throw new AssertionError(this);
    }
  }

  /** As {@link #backprop(double[], double[], int)} in single precision. */
  void backprop(float[] y, float[] delta, int n) {
    switch (this) {
      case RELU -> {
        // y > 0 ? delta : 0, as a product the JIT vectorises (it does not vectorise the select): y * 2^252 is at
        // least 1 for every positive float, subnormals included, so the factor is exactly 1 or 0
        for (int i = 0; i < n; i++) {
          delta[i] *= Math.min(y[i] * 0x1p126f * 0x1p126f, 1f);
        }
      }
      case TANH -> {
        for (int i = 0; i < n; i++) {
          delta[i] *= 1 - y[i] * y[i];
        }
      }
      case ELU -> {
        for (int i = 0; i < n; i++) {
          delta[i] *= y[i] > 0 ? 1 : y[i] + 1;
        }
      }
      case LEAKY_RELU -> {
        for (int i = 0; i < n; i++) {
          delta[i] *= y[i] > 0 ? 1 : LEAKY_SLOPE;
        }
      }
      case SIGMOID -> {
        for (int i = 0; i < n; i++) {
          delta[i] *= y[i] * (1 - y[i]);
        }
      }
      default -> throw new AssertionError(this);
    }
  }
}
