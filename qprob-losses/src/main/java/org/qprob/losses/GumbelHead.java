package org.qprob.losses;

import org.qprob.api.dist.Distribution;
import org.qprob.api.dist.Gumbel;
import org.qprob.api.loss.OutputModel;

/**
 * The Gumbel head of probabilistic Q-learning: a row of A locations {@code mu(s, a)} and one state log-scale
 * {@code nu(s)} (the last output), each action's return predicted as {@code Gumbel(mu(s, a), exp(nu(s)))}. Its
 * expected value is {@code mu + EulerGamma * beta}; a Boltzmann policy samples from {@code mu / beta}.
 */
public record GumbelHead(int actions) implements OutputModel {
  public GumbelHead {
    if (actions < 1) {
      throw new IllegalArgumentException("actions = " + actions + " is invalid; expected >= 1");
    }
  }

  /** The index of {@code nu(s)} in a row. */
  public int logScaleIndex() {
    return actions;
  }

  @Override
  public int width() {
    return actions + 1;
  }

  @Override
  public int locationOutputs() {
    return actions;
  }

  /** {@code mu(s, a) + EulerGamma * exp(nu(s))}. */
  @Override
  public void expectedValues(double[] row, int offset, double[] q) {
    double shift = Gumbel.EULER_GAMMA * Math.exp(row[offset + actions]);
    for (int a = 0; a < actions; a++) {
      q[a] = row[offset + a];
      q[a] += shift;
    }
  }

  /** {@code mu(s, a) / beta(s)}. */
  @Override
  public void preferences(double[] row, int offset, double[] out) {
    double inverseBeta = Math.exp(-row[offset + actions]);
    for (int a = 0; a < actions; a++) {
      out[a] = row[offset + a];
      out[a] *= inverseBeta;
    }
  }

  @Override
  public boolean distributional() {
    return true;
  }

  @Override
  public Distribution distribution(double[] row, int offset, int a) {
    return new Gumbel(row[offset + a], row[offset + actions]);
  }

  /** {@code beta(s) = exp(nu(s))}. */
  @Override
  public double spread(double[] row, int offset) {
    return Math.exp(row[offset + actions]);
  }

  @Override
  public String toString() {
    return "Gumbel head (" + actions + " locations + 1 log-scale)";
  }
}
