package org.qprob.agents.config;

import java.util.List;

/**
 * The network every agent learns with: optionally a convolutional first layer over grid observations, dense hidden
 * layers, then one linear output layer whose size the loss's output model decides (A point Q-values, or A Gumbel
 * locations plus one state log-scale, or A x atoms).
 *
 * @param hidden hidden layer widths, input side first; default {@code [128, 128]} (both original scripts). May be
 *     empty (a linear model).
 * @param activation hidden activation, one of {@code relu, tanh, elu, leaky-relu, sigmoid}; default {@code relu}
 * @param weightInit one of {@code torch-default} (weights and biases uniform in +-1/sqrt(fan-in), what PyTorch's
 *     {@code nn.Linear} does, so what the original scripts used), {@code xavier-uniform}, {@code he-uniform} (both
 *     with zero biases); default {@code torch-default}. Drawn from the agent's own seeded generator.
 * @param clipOutputs whether every raw output is clamped to {@code [clipMin, clipMax]} before use (zero gradient
 *     outside, like {@code torch.clip}); default {@code false}. The original q-prob script clamps to [-4, 8].
 * @param clipMin lower clamp bound; default -4
 * @param clipMax upper clamp bound; default 8
 * @param expLocations whether the location (Q / mu) outputs pass through {@code exp}, so mu = exp(raw) > 0; default
 *     {@code false}. The original q-prob script does this; it suits CartPole (returns positive, at most ~100) but makes
 *     negative returns (MountainCar, Acrobot, CliffWalking) unrepresentable, which is why it is off by default.
 *     Clamping is off by default for the same reason: without exp it would cap the locations themselves at 8.
 * @param conv a convolutional first layer ({@link ConvConfig}), for observations on a grid (a {@code Box} of shape
 *     rows x columns x channels, such as MinAtar's); default none (absent or null). With it the grid's convolution,
 *     after the hidden activation, is flattened into the {@code hidden} layers; MinAtar's standard network is
 *     {@code conv: {filters: 16, kernel: 3, stride: 1, padding: valid}, hidden: [128]}.
 */
public record NetworkConfig(List<Integer> hidden, String activation, String weightInit, boolean clipOutputs,
    double clipMin, double clipMax, boolean expLocations, ConvConfig conv) {

  /** Valid {@link #activation} values. */
  public static final List<String> ACTIVATIONS = List.of("relu", "tanh", "elu", "leaky-relu", "sigmoid");
  /** Valid {@link #weightInit} values. */
  public static final List<String> WEIGHT_INITS = ConfigKey.keys(WeightInit.class);

  public NetworkConfig {
    if (hidden == null) {
      throw new IllegalArgumentException("network.hidden = null is invalid; expected a list of positive widths, e.g. [128, 128]");
    }
    for (Integer h : hidden) {
      if (h == null || h <= 0) {
        throw new IllegalArgumentException("network.hidden = " + hidden + " is invalid; expected a list of positive widths");
      }
    }
    hidden = List.copyOf(hidden);
    ConfigChecks.choice("network.activation", activation, ACTIVATIONS);
    ConfigKey.of(WeightInit.class, "network.weightInit", weightInit);
    ConfigChecks.range("network.clipMin", clipMin, -1e6, 1e6, "a finite number");
    ConfigChecks.range("network.clipMax", clipMax, -1e6, 1e6, "a finite number");
    if (!(clipMin < clipMax)) {
      throw new IllegalArgumentException("network.clipMin = " + clipMin + " is invalid; expected < network.clipMax = " + clipMax);
    }
  }

  /** A network without a convolution. */
  public NetworkConfig(List<Integer> hidden, String activation, String weightInit, boolean clipOutputs,
      double clipMin, double clipMax, boolean expLocations) {
    this(hidden, activation, weightInit, clipOutputs, clipMin, clipMax, expLocations, null);
  }

  /** 128-128 ReLU, PyTorch's default initialisation, no output clamp, no exp on the locations. */
  public static NetworkConfig defaults() {
    return new NetworkConfig(List.of(128, 128), "relu", "torch-default", false, -4, 8, false);
  }

  /** A copy with the original q-prob script's output transform: clamp to [-4, 8], then mu = exp(raw). */
  public NetworkConfig withOriginalGumbelOutputs() {
    return new NetworkConfig(hidden, activation, weightInit, true, -4, 8, true, conv);
  }

  /**
   * MinAtar's network ({@code examples/dqn.py}): one 3x3 convolution of 16 filters, stride 1, no padding, ReLU, a dense
   * layer of 128, ReLU, then the output layer.
   */
  public static NetworkConfig minAtar() {
    return new NetworkConfig(List.of(128), "relu", "torch-default", false, -4, 8, false, ConvConfig.minAtar());
  }

  /** A copy with another convolution (null: none). */
  public NetworkConfig withConv(ConvConfig value) {
    return new NetworkConfig(hidden, activation, weightInit, clipOutputs, clipMin, clipMax, expLocations, value);
  }

  /** A copy with other hidden widths. */
  public NetworkConfig withHidden(List<Integer> value) {
    return new NetworkConfig(value, activation, weightInit, clipOutputs, clipMin, clipMax, expLocations, conv);
  }

  /** {@link #weightInit} as its enum. */
  public WeightInit weightInitScheme() {
    return ConfigKey.of(WeightInit.class, "network.weightInit", weightInit);
  }
}
