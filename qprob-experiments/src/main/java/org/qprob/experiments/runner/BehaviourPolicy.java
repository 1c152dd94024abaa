package org.qprob.experiments.runner;

import java.util.Arrays;
import java.util.List;
import org.qprob.agents.dataset.Dataset;
import org.qprob.api.PluginRegistry;

/** The behaviour policies {@code qprob record} writes a dataset with, each with the way it records. */
public enum BehaviourPolicy {
  /** Uniform random actions on {@code --env}, for {@code --steps} transitions. */
  RANDOM("random") {
    @Override
    Dataset record(DatasetRecording recording, DatasetRecording.Request request) {
      return recording.random(request);
    }
  },
  /**
   * A finished run's final agent ({@code final-agent.ckpt}) acting greedily, a uniform random action with probability
   * {@code --epsilon}, on the run's environment, for {@code --steps} transitions.
   */
  EPSILON_GREEDY("epsilon-greedy") {
    @Override
    Dataset record(DatasetRecording recording, DatasetRecording.Request request) {
      return recording.epsilonGreedy(request);
    }
  },
  /**
   * Every training transition of a finished online run (D4RL's "medium-replay": its whole replay), recorded by running
   * the run's {@code config.yaml} again, which gives the same transitions, and checked against its
   * {@code episodes.csv}.
   */
  MEDIUM_REPLAY("medium-replay") {
    @Override
    Dataset record(DatasetRecording recording, DatasetRecording.Request request) {
      return recording.mediumReplay(request);
    }
  };

  /** Every policy's key. */
  public static final List<String> KEYS = Arrays.stream(values()).map(BehaviourPolicy::key).toList();

  private final String key;

  BehaviourPolicy(String key) {
    this.key = key;
  }

  /** The name {@code --policy} takes. */
  public String key() {
    return key;
  }

  /** The policy named {@code key}; one line naming the known ones otherwise. */
  public static BehaviourPolicy of(String key) {
    for (BehaviourPolicy p : values()) {
      if (p.key.equals(key)) {
        return p;
      }
    }
    throw PluginRegistry.unknown("policy", key, KEYS);
  }

  /** The dataset this policy records for {@code request}. */
  abstract Dataset record(DatasetRecording recording, DatasetRecording.Request request);

  @Override
  public String toString() {
    return key;
  }
}
