package org.qprob.agents.config;

/**
 * How {@code offline-xql} turns its values into actions: {@code awr}, a policy network trained by advantage-weighted
 * regression toward {@code mu(a|s) exp((Q(s, a) - V(s)) / beta)}, or {@code greedy}, {@code argmax_a Q(s, a)}.
 */
public enum OfflinePolicy implements ConfigKey {
  AWR("awr"),
  GREEDY("greedy");

  private final String key;

  OfflinePolicy(String key) {
    this.key = key;
  }

  @Override
  public String key() {
    return key;
  }

  /** Whether the agent trains a policy network of its own (else it acts greedily on Q). */
  public boolean trainsPolicyNetwork() {
    return this == AWR;
  }
}
