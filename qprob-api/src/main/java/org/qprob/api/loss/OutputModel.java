package org.qprob.api.loss;

import org.qprob.api.dist.Distribution;

/**
 * What a loss asks the network to output for a state, and how such an output row reads as returns. The network's raw
 * outputs for one state form a row of {@link #width()} numbers (after any output transform the network config asks
 * for, e.g. a clamp); everything that reads them — acting, greedy evaluation, double DQN's selection, calibration —
 * goes through this model, so a loss with a new output shape needs no change to the agent.
 *
 * <p>Rows are read from a flat array at an offset, so a batch is one array of {@code n * width()} numbers.
 */
public interface OutputModel {
  /** The number of actions A it was made for. */
  int actions();

  /** Raw outputs per state: A for point values, A + 1 for the Gumbel head, A × atoms for C51, ... */
  int width();

  /**
   * How many leading outputs of a row are locations of the return (Q values, Gumbel locations), the only outputs an
   * exponential output transform ({@code network.expLocations}) may apply to; 0 when none are.
   */
  int locationOutputs();

  /** The expected return {@code Q(s, a)} of every action, from the row at {@code offset}, into {@code q}. */
  void expectedValues(double[] row, int offset, double[] q);

  /**
   * {@code argmax_a Q(s, a)} of the row at {@code offset}: the first action whose expected value no other exceeds
   * (strictly), as {@code argmax} over {@link #expectedValues} — what double DQN's and the distributional backup's
   * selection of the next action use. A model may compute it faster (without every expected value exactly), provided
   * it always returns this same action.
   */
  default int greedyAction(double[] row, int offset) {
    double[] q = new double[actions()];
    expectedValues(row, offset, q);
    return argmax(q);
  }

  /**
   * The first index whose value no other exceeds (strictly): ties go to the lowest index, as {@code argmax} in
   * PyTorch, and a NaN never displaces an earlier value.
   */
  static int argmax(double[] values) {
    int best = 0;
    for (int a = 1; a < values.length; a++) {
      if (values[a] > values[best]) {
        best = a;
      }
    }
    return best;
  }

  /**
   * The numbers a Boltzmann policy samples {@code softmax(preference / T)} from; by default the expected values (the
   * Gumbel head uses {@code mu(s, a) / beta(s)}, as the original q-prob script).
   */
  default void preferences(double[] row, int offset, double[] out) {
    expectedValues(row, offset, out);
  }

  /** Whether the row predicts a whole return distribution per action ({@link #distribution}). */
  default boolean distributional() {
    return false;
  }

  /**
   * The predicted distribution of action {@code a}'s return from the row at {@code offset}.
   *
   * @throws UnsupportedOperationException for point predictions ({@link #distributional()} false)
   */
  default Distribution distribution(double[] row, int offset, int a) {
    throw new UnsupportedOperationException(this + " predicts point values only; it has no return distribution");
  }

  /**
   * A spread diagnostic the run logs ({@code mean_beta} in {@code episodes.csv}: the Gumbel scale {@code beta(s)});
   * NaN when the model has none.
   */
  default double spread(double[] row, int offset) {
    return Double.NaN;
  }
}
