package org.qprob.api.loss;

import java.util.List;

/**
 * A loss as a pure function of a primitive {@link TdBatch}: it owns the meaning of the network's outputs
 * ({@link #outputModel}), forms its Bellman target with one of the backups it fits, and returns per-sample values with
 * analytic gradients w.r.t. the outputs at s and, when asked, at s'. It knows nothing of networks or environments.
 *
 * <p>Implementations are small immutable classes that validate their hyper-parameters in the constructor and print
 * them in {@code toString()}.
 */
public interface Loss {
  /** The name it is registered under, e.g. {@code gumbel-kl}. */
  String name();

  /** What the network must output for {@code actions} actions, and how to read it. */
  OutputModel outputModel(int actions);

  /** The backups it fits, the default ({@code backup.kind: auto}) first. */
  List<Backup> backups();

  /**
   * Values and gradients for {@code batch}.
   *
   * @param targetGradient also return the gradients w.r.t. the next-state outputs, for runs that let the gradient
   *     flow into the target
   */
  TdResult evaluate(TdBatch batch, boolean targetGradient);
}
