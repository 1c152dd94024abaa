package org.qprob.agents.config;

/**
 * What only the Extreme-Q (X-DQN) agent reads. Its V network has the same shape as the Q network
 * ({@link NetworkConfig}) with one output; the Gumbel regression temperature beta is the injected xql loss's own
 * option, and the policy softmax(Q / beta) is {@code exploration: {kind: boltzmann, start: beta, end: beta}}.
 *
 * @param valueLearningRate the V network's learning rate; 0 = the optimizer's; default 0
 * @param valueGradClipNorm the V network's global-norm gradient clip; 0 = off; default 0
 */
public record ExtremeQConfig(double valueLearningRate, double valueGradClipNorm) {
  public ExtremeQConfig {
    ConfigChecks.range("extremeQ.valueLearningRate", valueLearningRate, 0, 10, "a number in [0, 10] (0 = the optimizer's)");
    ConfigChecks.range("extremeQ.valueGradClipNorm", valueGradClipNorm, 0, 1e12, "a number >= 0 (0 = off)");
  }

  /** V learns at the optimizer's rate, unclipped. */
  public static ExtremeQConfig defaults() {
    return new ExtremeQConfig(0, 0);
  }
}
