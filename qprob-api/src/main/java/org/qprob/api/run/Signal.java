package org.qprob.api.run;

/** What a listener tells the training loop. */
public enum Signal {
  /** Go on. */
  CONTINUE,
  /** Stop after this callback. */
  STOP
}
