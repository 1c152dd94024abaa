package org.qprob.api.agent;

/** How an agent picks an action. */
public enum ActMode {
  /** With the agent's exploration (ε-greedy, Boltzmann, ...), advancing its exploration generator. */
  EXPLORE,
  /** Greedily, for evaluation; draws no random number. */
  GREEDY
}
