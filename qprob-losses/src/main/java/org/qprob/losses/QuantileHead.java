package org.qprob.losses;

import org.qprob.api.dist.Distribution;
import org.qprob.api.dist.QuantileAtoms;
import org.qprob.api.loss.OutputModel;

/**
 * QR-DQN's head: for each action {@code quantiles} values {@code theta_i}, action {@code a}'s at
 * {@code a * quantiles}, estimating the return's quantiles at the midpoints {@code tau_i = (2i + 1) / (2N)}; its return
 * is predicted as the equally weighted distribution on them, and its expected value is their mean.
 */
public record QuantileHead(int actions, int quantiles) implements OutputModel {
  public QuantileHead {
    if (actions < 1 || quantiles < 1) {
      throw new IllegalArgumentException("actions = " + actions + ", quantiles = " + quantiles
          + " is invalid; expected both >= 1");
    }
  }

  @Override
  public int width() {
    return actions * quantiles;
  }

  /** None: an exponential transform would distort the quantiles' spacing. */
  @Override
  public int locationOutputs() {
    return 0;
  }

  @Override
  public void expectedValues(double[] row, int offset, double[] q) {
    for (int a = 0; a < actions; a++) {
      int at = offset + a * quantiles;
      double sum = 0;
      for (int i = 0; i < quantiles; i++) {
        sum += row[at + i];
      }
      q[a] = sum / quantiles;
    }
  }

  @Override
  public boolean distributional() {
    return true;
  }

  @Override
  public Distribution distribution(double[] row, int offset, int a) {
    double[] values = new double[quantiles];
    System.arraycopy(row, offset + a * quantiles, values, 0, quantiles);
    return new QuantileAtoms(values);
  }

  @Override
  public String toString() {
    return "quantile head (" + actions + " actions x " + quantiles + " quantiles)";
  }
}
