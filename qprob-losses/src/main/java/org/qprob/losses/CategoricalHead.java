package org.qprob.losses;

import org.qprob.api.dist.Categorical;
import org.qprob.api.dist.Distribution;
import org.qprob.api.loss.OutputModel;

/**
 * C51's head: for each action a row of {@code atoms} logits, action {@code a}'s at {@code a * atoms}; its return is
 * predicted as {@code P(Z = z_i) = softmax(logits)_i} on the support {@code z_i} of the projection, and its expected
 * value is {@code sum_i z_i softmax(logits)_i}.
 */
public final class CategoricalHead implements OutputModel {
  private final int actions;
  private final CategoricalProjection projection;
  private final double[] support;

  /** @param actions {@code >= 1} */
  public CategoricalHead(int actions, CategoricalProjection projection) {
    if (actions < 1) {
      throw new IllegalArgumentException("actions = " + actions + " is invalid; expected >= 1");
    }
    this.actions = actions;
    this.projection = projection;
    this.support = projection.support();
  }

  @Override
  public int actions() {
    return actions;
  }

  @Override
  public int width() {
    return actions * projection.atoms();
  }

  /** None: logits are not locations. */
  @Override
  public int locationOutputs() {
    return 0;
  }

  @Override
  public void expectedValues(double[] row, int offset, double[] q) {
    int atoms = projection.atoms();
    for (int a = 0; a < actions; a++) {
      int at = offset + a * atoms;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < atoms; i++) {
        max = Math.max(max, row[at + i]);
      }
      double sum = 0;
      double weighted = 0;
      for (int i = 0; i < atoms; i++) {
        double e = Math.exp(row[at + i] - max);
        sum += e;
        weighted += e * support[i];
      }
      q[a] = weighted / sum;
    }
  }

  @Override
  public boolean distributional() {
    return true;
  }

  @Override
  public Distribution distribution(double[] row, int offset, int a) {
    int atoms = projection.atoms();
    double[] logits = new double[atoms];
    System.arraycopy(row, offset + a * atoms, logits, 0, atoms);
    return Categorical.ofLogits(support, logits);
  }

  @Override
  public String toString() {
    return "categorical head (" + actions + " actions x " + projection.atoms() + " atoms on [" + projection.vMin() + ", "
        + projection.vMax() + "])";
  }
}
