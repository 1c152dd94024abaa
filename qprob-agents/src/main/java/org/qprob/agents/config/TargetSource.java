package org.qprob.agents.config;

import java.util.Arrays;
import java.util.List;

/** Where the next-state values of the Bellman target come from: the values of {@code target.source}. */
public enum TargetSource {
  /** The online network, with the loss gradient flowing into the next-state outputs too (the original q-prob). */
  ONLINE_GRAD("online-grad", false),
  /** The online network, next-state outputs treated as constants. */
  ONLINE_STOP("online-stop", false),
  /** A second network that follows the online one (DQN). */
  TARGET_NETWORK("target-network", true),
  /** Double DQN: the greedy next action from the online network, its value from the target network. */
  DOUBLE("double", true);

  /** The config keys, in declaration order. */
  public static final List<String> KEYS = Arrays.stream(values()).map(TargetSource::key).toList();

  private final String key;
  private final boolean usesTargetNetwork;

  TargetSource(String key, boolean usesTargetNetwork) {
    this.key = key;
    this.usesTargetNetwork = usesTargetNetwork;
  }

  /** The name in configs, e.g. {@code target-network}. */
  public String key() {
    return key;
  }

  /** Whether a separate target network is kept. */
  public boolean usesTargetNetwork() {
    return usesTargetNetwork;
  }

  /** The source named {@code key}; fails with one line naming the valid keys. */
  public static TargetSource of(String key) {
    return values()[KEYS.indexOf(ConfigChecks.choice("target.source", key, KEYS))];
  }

  @Override
  public String toString() {
    return key;
  }
}
