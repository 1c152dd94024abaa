package org.qprob.api.loss;

/**
 * A loss as a pure function of a primitive batch: per-sample values with analytic gradients w.r.t. the predicted
 * parameters and, when asked, the target-side parameters. It knows nothing of networks or environments.
 *
 * <p>Implementations are small immutable classes that validate their hyper-parameters in the constructor and print
 * them in {@code toString()}.
 */
public interface Loss {
  /** The name it is registered under, e.g. {@code gumbel-kl}. */
  String name();

  /** What the network must predict for it. */
  Head head();

  /** Where its target comes from. */
  TargetKind targetKind();

  /**
   * Values and gradients for {@code batch}.
   *
   * @param targetGradient also return the gradients w.r.t. the target side ({@code dTarget}, or {@code dNextLocation}
   *     and {@code dNextLogScale}), for runs that let the gradient flow into the target
   */
  LossResult evaluate(LossBatch batch, boolean targetGradient);
}
