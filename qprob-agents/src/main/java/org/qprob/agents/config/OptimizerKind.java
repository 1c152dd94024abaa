package org.qprob.agents.config;

/** The gradient step: Adam (moments, bias-corrected) or plain SGD. */
public enum OptimizerKind implements ConfigKey {
  ADAM("adam"),
  SGD("sgd");

  private final String key;

  OptimizerKind(String key) {
    this.key = key;
  }

  @Override
  public String key() {
    return key;
  }

  /** Whether the step keeps Adam's moment estimates. */
  public boolean adaptive() {
    return this == ADAM;
  }
}
