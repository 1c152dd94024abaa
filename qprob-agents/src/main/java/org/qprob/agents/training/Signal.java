package org.qprob.agents.training;

/** What a listener tells the training loop. */
public enum Signal {
  /** Go on. */
  CONTINUE,
  /** Stop after this callback. */
  STOP
}
