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
}
