package org.qprob.agents.config;

import java.util.List;

/**
 * The gradient step.
 *
 * @param name {@code adam} or {@code sgd}; default {@code adam} (both original scripts)
 * @param learningRate step size; default 5e-4 (both original scripts)
 * @param beta1 Adam's first-moment decay; default 0.9 (PyTorch's)
 * @param beta2 Adam's second-moment decay; default 0.999 (PyTorch's)
 * @param epsilon Adam's denominator guard; default 1e-8 (PyTorch's)
 * @param gradClipNorm the whole gradient is rescaled to this global L2 norm when larger (PyTorch's
 *     {@code clip_grad_norm_}); 0 = no clipping; default 0. The original q-prob script uses 1.0, the L2 script none.
 */
public record OptimizerConfig(String name, double learningRate, double beta1, double beta2, double epsilon,
    double gradClipNorm) {

  /** Valid {@link #name} values. */
  public static final List<String> NAMES = ConfigKey.keys(OptimizerKind.class);

  public OptimizerConfig {
    ConfigKey.of(OptimizerKind.class, "optimizer.name", name);
    ConfigChecks.range("optimizer.learningRate", learningRate, Double.MIN_VALUE, 10, "a number in (0, 10]");
    ConfigChecks.range("optimizer.beta1", beta1, 0, 0.999999, "a number in [0, 1)");
    ConfigChecks.range("optimizer.beta2", beta2, 0, 0.999999999, "a number in [0, 1)");
    ConfigChecks.range("optimizer.epsilon", epsilon, Double.MIN_VALUE, 1, "a number in (0, 1]");
    ConfigChecks.range("optimizer.gradClipNorm", gradClipNorm, 0, 1e12, "a number >= 0 (0 = off)");
  }

  /** Adam 5e-4 with PyTorch's betas and epsilon, no clipping. */
  public static OptimizerConfig defaults() {
    return new OptimizerConfig("adam", 5e-4, 0.9, 0.999, 1e-8, 0);
  }

  /** A copy with another global-norm clip (0 = off). */
  public OptimizerConfig withGradClipNorm(double norm) {
    return new OptimizerConfig(name, learningRate, beta1, beta2, epsilon, norm);
  }

  /** A copy with another learning rate. */
  public OptimizerConfig withLearningRate(double rate) {
    return new OptimizerConfig(name, rate, beta1, beta2, epsilon, gradClipNorm);
  }

  /** {@link #name} as its enum. */
  public OptimizerKind kind() {
    return ConfigKey.of(OptimizerKind.class, "optimizer.name", name);
  }
}
