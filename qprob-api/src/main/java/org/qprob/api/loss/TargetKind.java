package org.qprob.api.loss;

/** Where a loss's target comes from. */
public enum TargetKind {
  /** A point per sample in {@link LossBatch#target()}: the agent's backup (hard max, soft, double DQN) or an observed return. */
  POINT,
  /**
   * The loss builds its own target distribution from the next-state predictions in the batch,
   * {@code p = r + gamma * max_a' Gumbel(mu(s',a'), exp(nu(s')))}, and uses the observed reward alone at terminal rows.
   */
  GUMBEL_BACKUP
}
