package org.qprob.losses;

import org.qprob.api.loss.Loss;

/**
 * A built-in loss whose per-sample math can also be called directly on a {@link LossBatch} — point predictions
 * against point targets, or predicted Gumbels against the Gumbel backup or observed returns — as the tests, the
 * benchmarks and the Gumbel-regression demonstration do. Agents go through {@link Loss#evaluate} instead.
 */
public interface DirectLoss extends Loss {
  /**
   * Values and gradients for {@code batch}.
   *
   * @param targetGradient also return the gradients w.r.t. the target side ({@code dTarget}, or {@code dNextLocation}
   *     and {@code dNextLogScale})
   */
  LossResult evaluate(LossBatch batch, boolean targetGradient);
}
