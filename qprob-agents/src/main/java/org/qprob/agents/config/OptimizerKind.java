package org.qprob.agents.config;

/** The gradient step: Adam (moments, bias-corrected), RMSprop (PyTorch's, optionally centred) or plain SGD. */
public enum OptimizerKind implements ConfigKey {
  ADAM("adam"),
  RMSPROP("rmsprop"),
  SGD("sgd");

  private final String key;

  OptimizerKind(String key) {
    this.key = key;
  }

  @Override
  public String key() {
    return key;
  }

  /** Whether the step keeps running averages of the gradient (Adam's moments, RMSprop's averages). */
  public boolean adaptive() {
    return this != SGD;
  }
}
