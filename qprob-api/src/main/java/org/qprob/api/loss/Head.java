package org.qprob.api.loss;

/** What a network must predict per (state, action) for a loss. */
public enum Head {
  /** One real per action: Q(s, a). */
  POINT,
  /** A Gumbel per action: a location mu(s, a) per action and one log-scale nu(s) per state. */
  GUMBEL
}
