package org.qprob.agents.offline;

import org.qprob.agents.dataset.Dataset;
import org.qprob.api.agent.Agent;
import org.qprob.api.agent.Transition;
import org.qprob.api.agent.UpdateResult;

/**
 * An agent that learns from a fixed dataset, never from its own steps: the runner hands it the dataset once
 * ({@link #learnFrom}), then asks for gradient steps ({@link #learn}) and evaluates it greedily now and then. It acts
 * ({@link #act}) with its learned policy whatever the mode; it draws nothing while acting.
 */
public interface OfflineLearner extends Agent {
  /**
   * Takes the transitions to learn from; called once, after construction and before {@link #learn} or
   * {@link #restore}. Fails with one line if they do not fit the agent (observation width, actions, fewer rows than
   * a batch).
   */
  void learnFrom(Dataset data);

  /** One gradient step on a batch drawn uniformly, without replacement, from the dataset. */
  UpdateResult learn();

  /** Gradient steps taken. */
  long updates();

  /** Not supported: an offline agent does not learn from its own steps. */
  @Override
  default void observe(Transition transition) {
    throw new UnsupportedOperationException("an offline agent learns from its dataset, not from observed steps");
  }

  /** Takes no step: offline agents learn when {@link #learn} is called. */
  @Override
  default UpdateResult update() {
    return UpdateResult.NONE;
  }

  /** 0: offline agents do not explore. */
  @Override
  default double explorationParameter() {
    return 0;
  }
}
