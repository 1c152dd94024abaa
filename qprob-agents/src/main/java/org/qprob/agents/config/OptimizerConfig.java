package org.qprob.agents.config;

import java.util.List;

/**
 * The gradient step.
 *
 * @param name {@code adam}, {@code rmsprop} or {@code sgd}; default {@code adam} (both original scripts)
 * @param learningRate step size; default 5e-4 (both original scripts)
 * @param beta1 Adam's first-moment decay; default 0.9 (PyTorch's)
 * @param beta2 Adam's second-moment decay; default 0.999 (PyTorch's)
 * @param epsilon the denominator guard of Adam and RMSprop, added to the square root; default 1e-8 (PyTorch's)
 * @param gradClipNorm the whole gradient is rescaled to this global L2 norm when larger (PyTorch's
 *     {@code clip_grad_norm_}); 0 = no clipping; default 0. The original q-prob script uses 1.0, the L2 script none.
 * @param alpha RMSprop's decay of its running averages (PyTorch's {@code alpha}, the "squared-gradient momentum");
 *     default 0.99 (PyTorch's); read by {@code rmsprop} only
 * @param centered RMSprop divides by the running standard deviation of the gradient, {@code sqrt(E[g^2] - E[g]^2)},
 *     instead of {@code sqrt(E[g^2])} (PyTorch's {@code centered}); default false; only {@code rmsprop} accepts true
 */
public record OptimizerConfig(String name, double learningRate, double beta1, double beta2, double epsilon,
    double gradClipNorm, double alpha, boolean centered) {

  /** Valid {@link #name} values. */
  public static final List<String> NAMES = ConfigKey.keys(OptimizerKind.class);

  public OptimizerConfig {
    OptimizerKind kind = ConfigKey.of(OptimizerKind.class, "optimizer.name", name);
    ConfigChecks.range("optimizer.learningRate", learningRate, Double.MIN_VALUE, 10, "a number in (0, 10]");
    ConfigChecks.range("optimizer.beta1", beta1, 0, 0.999999, "a number in [0, 1)");
    ConfigChecks.range("optimizer.beta2", beta2, 0, 0.999999999, "a number in [0, 1)");
    ConfigChecks.range("optimizer.epsilon", epsilon, Double.MIN_VALUE, 1, "a number in (0, 1]");
    ConfigChecks.range("optimizer.gradClipNorm", gradClipNorm, 0, 1e12, "a number >= 0 (0 = off)");
    ConfigChecks.range("optimizer.alpha", alpha, 0, 0.999999999, "a number in [0, 1)");
    if (centered && kind != OptimizerKind.RMSPROP) {
      throw new IllegalArgumentException("optimizer.centered = true does not fit optimizer.name = \"" + name
          + "\"; only rmsprop has a centred form (expected centered: false, or name: rmsprop)");
    }
  }

  /** Adam (or another step) with PyTorch's RMSprop defaults for the RMSprop fields: alpha 0.99, not centred. */
  public OptimizerConfig(String name, double learningRate, double beta1, double beta2, double epsilon,
      double gradClipNorm) {
    this(name, learningRate, beta1, beta2, epsilon, gradClipNorm, 0.99, false);
  }

  /** Adam 5e-4 with PyTorch's betas and epsilon, no clipping. */
  public static OptimizerConfig defaults() {
    return new OptimizerConfig("adam", 5e-4, 0.9, 0.999, 1e-8, 0);
  }

  /** A copy with another global-norm clip (0 = off). */
  public OptimizerConfig withGradClipNorm(double norm) {
    return new OptimizerConfig(name, learningRate, beta1, beta2, epsilon, norm, alpha, centered);
  }

  /** A copy with another learning rate. */
  public OptimizerConfig withLearningRate(double rate) {
    return new OptimizerConfig(name, rate, beta1, beta2, epsilon, gradClipNorm, alpha, centered);
  }

  /** {@link #name} as its enum. */
  public OptimizerKind kind() {
    return ConfigKey.of(OptimizerKind.class, "optimizer.name", name);
  }
}
