package org.qprob.api.loss;

import java.util.List;

/**
 * A loss of point predictions against point targets ({@code l2}, {@code huber}, {@code xql}): it only says how a
 * prediction is scored against a target, and the TD contract follows — the network outputs one value per action
 * ({@link PointValues}), the target is {@code y = r + d * V(s')} with the max or soft backup
 * ({@link PointTargets#evaluate}), and the gradient w.r.t. {@code y} flows into the next-state values when asked.
 * Agents that regress a value on their own targets (X-DQN's V) call {@link #regress} directly.
 */
public interface PointLoss extends Loss {
  /**
   * Per-sample values of scoring {@code prediction[i]} against {@code target[i]}, with {@code dPrediction[i]} and,
   * when {@code dTarget} is not null, {@code dTarget[i]} filled with the derivatives of sample i's value.
   */
  double[] regress(double[] prediction, double[] target, double[] dPrediction, double[] dTarget);

  /** One value per action. */
  @Override
  default OutputModel outputModel(int actions) {
    return new PointValues(actions);
  }

  /** Max (the default) and soft. */
  @Override
  default List<Backup> backups() {
    return List.of(Backup.MAX, Backup.SOFT);
  }

  @Override
  default TdResult evaluate(TdBatch batch, boolean targetGradient) {
    return PointTargets.evaluate(this, batch, targetGradient);
  }
}
