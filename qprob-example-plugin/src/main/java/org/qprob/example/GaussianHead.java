package org.qprob.example;

import org.qprob.api.dist.Distribution;
import org.qprob.api.loss.OutputModel;

/**
 * A Gaussian return per action: a row of A means {@code m(s, a)} followed by A log standard deviations
 * {@code s(s, a)}, action {@code a}'s return predicted as {@code N(m(s, a), exp(s(s, a))^2)}. An output shape none of
 * qprob's own losses has: the agent learns it from this model alone.
 */
public record GaussianHead(int actions) implements OutputModel {
  public GaussianHead {
    if (actions < 1) {
      throw new IllegalArgumentException("actions = " + actions + " is invalid; expected >= 1");
    }
  }

  @Override
  public int width() {
    return 2 * actions;
  }

  /** The A means. */
  @Override
  public int locationOutputs() {
    return actions;
  }

  @Override
  public void expectedValues(double[] row, int offset, double[] q) {
    System.arraycopy(row, offset, q, 0, actions);
  }

  @Override
  public boolean distributional() {
    return true;
  }

  @Override
  public Distribution distribution(double[] row, int offset, int a) {
    return new GaussianReturn(row[offset + a], Math.exp(row[offset + actions + a]));
  }

  @Override
  public String toString() {
    return "Gaussian head (" + actions + " means + " + actions + " log standard deviations)";
  }
}
