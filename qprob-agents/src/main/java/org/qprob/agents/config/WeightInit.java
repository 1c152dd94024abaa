package org.qprob.agents.config;

/**
 * How a dense layer's weights and biases are drawn, uniformly in {@code [-bound, bound]} for a layer of {@code in}
 * inputs and {@code out} outputs: PyTorch's default ({@code 1 / sqrt(in)} for both), Xavier-uniform
 * ({@code sqrt(6 / (in + out))}, biases 0) or He-uniform ({@code sqrt(6 / in)}, biases 0).
 */
public enum WeightInit implements ConfigKey {
  TORCH_DEFAULT("torch-default") {
    @Override
    public double weightBound(int in, int out) {
      return 1 / Math.sqrt(in);
    }

    @Override
    public double biasBound(int in, int out) {
      return weightBound(in, out);
    }
  },
  XAVIER_UNIFORM("xavier-uniform") {
    @Override
    public double weightBound(int in, int out) {
      return Math.sqrt(6.0 / (in + out));
    }
  },
  HE_UNIFORM("he-uniform") {
    @Override
    public double weightBound(int in, int out) {
      return Math.sqrt(6.0 / in);
    }
  };

  private final String key;

  WeightInit(String key) {
    this.key = key;
  }

  @Override
  public String key() {
    return key;
  }

  /** The weights' bound. */
  public abstract double weightBound(int in, int out);

  /** The biases' bound; 0 draws nothing and sets them to 0. */
  public double biasBound(int in, int out) {
    return 0;
  }
}
