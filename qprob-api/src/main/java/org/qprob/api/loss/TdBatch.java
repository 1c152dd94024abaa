package org.qprob.api.loss;

/**
 * One batch of temporal-difference data for a {@link Loss}, in flat primitive arrays: what any backup needs. Rows of
 * outputs are {@link OutputModel#width()} numbers each, row-major. The arrays are read, never written or kept.
 *
 * @param size the number of samples n
 * @param actions the number of actions A
 * @param width outputs per row (the loss's {@link OutputModel#width()})
 * @param outputs the network's outputs at s, {@code n * width}
 * @param taken the action taken at s, per sample
 * @param rewards the (discounted n-step) reward, per sample
 * @param discounts the discount of the bootstrap, per sample: {@code gamma} (or {@code gamma^n}), 0 at terminal rows
 * @param weights the per-sample weight of the batch loss (importance weights; all 1 for uniform replay)
 * @param nextOutputs the outputs at s' of the network the target source names, {@code n * width}
 * @param nextActions the next action {@code a*} per sample for backups that select one ({@link Backup#selectsAction()}:
 *     greedy by expected value, or double DQN's selector), else null
 * @param backup the backup the target is formed with
 * @param alpha the soft backup's temperature (ignored by the others)
 */
public record TdBatch(int size, int actions, int width, double[] outputs, int[] taken, double[] rewards,
    double[] discounts, double[] weights, double[] nextOutputs, int[] nextActions, Backup backup, double alpha) {

  public TdBatch {
    if (size < 1 || actions < 1 || width < 1) {
      throw new IllegalArgumentException("td batch size = " + size + ", actions = " + actions + ", width = " + width
          + " is invalid; expected all >= 1");
    }
    check("outputs", outputs.length, size * width);
    check("taken", taken.length, size);
    check("rewards", rewards.length, size);
    check("discounts", discounts.length, size);
    check("weights", weights.length, size);
    check("nextOutputs", nextOutputs.length, size * width);
    if (backup.selectsAction()) {
      if (nextActions == null) {
        throw new IllegalArgumentException("td batch: nextActions is missing; the " + backup + " backup needs them");
      }
      check("nextActions", nextActions.length, size);
    }
  }

  private static void check(String field, int length, int expected) {
    if (length != expected) {
      throw new IllegalArgumentException("td batch: " + field + " has " + length + " entries; expected " + expected);
    }
  }

  /** Whether sample {@code i} bootstraps from nothing (terminal). */
  public boolean terminal(int i) {
    return discounts[i] == 0;
  }
}
