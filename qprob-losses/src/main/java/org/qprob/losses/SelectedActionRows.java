package org.qprob.losses;

import java.util.List;
import org.qprob.api.loss.Backup;
import org.qprob.api.loss.TdBatch;
import org.qprob.api.loss.TdResult;

/**
 * The batch loop the distributional losses share: each sample's loss reads the row of {@code perAction} outputs of
 * its taken action at s and of its selected next action at s' (the distributional backup), and writes the gradients
 * into the same rows; priorities are the per-sample losses.
 */
final class SelectedActionRows {
  /**
   * Every sample's loss at once, sample {@code i}'s rows at {@code at[i]} and {@code nextAt[i]}, writing its gradients
   * at the same offsets; returns the values.
   */
  @FunctionalInterface
  interface BatchLoss {
    double[] valuesAndGradients(double[] outputs, int[] at, double[] nextOutputs, int[] nextAt, double[] rewards,
        double[] discounts, double[] dOutputs, double[] dNextOutputs);
  }

  /** The backups these losses fit. */
  static final List<Backup> BACKUPS = List.of(Backup.DISTRIBUTIONAL);

  private SelectedActionRows() {}

  /**
   * Evaluates {@code loss} on every sample of {@code batch}, whose width must be {@code actions x perAction}.
   *
   * @param name the loss's name, for messages
   * @param unit what one action's outputs are ({@code atoms}, {@code quantiles}), for messages
   */
  static TdResult evaluateBatch(String name, String unit, int perAction, TdBatch batch, boolean targetGradient,
      BatchLoss loss) {
    if (batch.backup() != Backup.DISTRIBUTIONAL) {
      throw new IllegalArgumentException(name + ": backup " + batch.backup() + " does not fit; expected " + BACKUPS);
    }
    int n = batch.size();
    int w = batch.width();
    if (w != batch.actions() * perAction) {
      throw new IllegalArgumentException(name + ": batch width " + w + " is invalid; expected actions x " + unit
          + " = " + batch.actions() * perAction);
    }
    double[] dOut = new double[n * w];
    double[] dNext = targetGradient ? new double[n * w] : null;
    int[] at = new int[n];
    int[] nextAt = new int[n];
    for (int i = 0; i < n; i++) {
      at[i] = i * w + batch.taken()[i] * perAction;
      nextAt[i] = i * w + batch.nextActions()[i] * perAction;
    }
    double[] value = loss.valuesAndGradients(batch.outputs(), at, batch.nextOutputs(), nextAt, batch.rewards(),
        batch.discounts(), dOut, dNext);
    return new TdResult(value, dOut, dNext, value.clone());
  }
}
