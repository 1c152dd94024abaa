package org.qprob.agents.config;

/** How actions are explored: {@code epsilon-greedy}, {@code boltzmann} (softmax of preference / T), {@code greedy}. */
public enum ExplorationKind implements ConfigKey {
  EPSILON_GREEDY("epsilon-greedy"),
  BOLTZMANN("boltzmann"),
  GREEDY("greedy");

  private final String key;

  ExplorationKind(String key) {
    this.key = key;
  }

  @Override
  public String key() {
    return key;
  }

  /** Whether the exploration parameter is a probability (epsilon) rather than a temperature. */
  public boolean parameterIsProbability() {
    return this == EPSILON_GREEDY;
  }
}
