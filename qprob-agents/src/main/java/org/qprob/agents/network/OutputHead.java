package org.qprob.agents.network;

import org.qprob.agents.config.NetworkConfig;

/**
 * Reads a network's raw outputs as what a loss needs: A locations (Q-values, or Gumbel locations mu) and, for a
 * Gumbel head, one state log-scale nu(s) in the last output. Optionally every raw output is clamped to
 * {@code [clipMin, clipMax]} first (zero slope outside, as {@code torch.clip}), and the locations pass through
 * {@code exp} (mu = exp(raw)); the slope methods give the chain-rule factors.
 */
public final class OutputHead {
  private final int actions;
  private final boolean gumbel;
  private final boolean clip;
  private final double clipMin;
  private final double clipMax;
  private final boolean exp;

  public OutputHead(int actions, boolean gumbel, NetworkConfig config) {
    this(actions, gumbel, config.clipOutputs(), config.clipMin(), config.clipMax(), config.expLocations());
  }

  public OutputHead(int actions, boolean gumbel, boolean clip, double clipMin, double clipMax, boolean exp) {
    if (actions <= 0) {
      throw new IllegalArgumentException("actions = " + actions + " is invalid; expected > 0");
    }
    this.actions = actions;
    this.gumbel = gumbel;
    this.clip = clip;
    this.clipMin = clipMin;
    this.clipMax = clipMax;
    this.exp = exp;
  }

  /** Raw outputs the network needs: A, plus one for a Gumbel head's log-scale. */
  public int outputs() {
    return gumbel ? actions + 1 : actions;
  }

  public int actions() {
    return actions;
  }

  public boolean gumbel() {
    return gumbel;
  }

  private double clamp(double x) {
    return clip ? Math.min(clipMax, Math.max(clipMin, x)) : x;
  }

  private double pass(double x) {
    return !clip || (x >= clipMin && x <= clipMax) ? 1 : 0;
  }

  /** The location (Q or mu) of action {@code a} from a raw output row. */
  public double location(double[] raw, int a) {
    double t = clamp(raw[a]);
    return exp ? Math.exp(t) : t;
  }

  /** d location(a) / d raw[a]. */
  public double locationSlope(double[] raw, int a) {
    double p = pass(raw[a]);
    return p == 0 ? 0 : exp ? Math.exp(clamp(raw[a])) : 1;
  }

  /** The Gumbel log-scale nu(s) from a raw output row. */
  public double logScale(double[] raw) {
    return clamp(raw[actions]);
  }

  /** d nu / d raw[A]. */
  public double logScaleSlope(double[] raw) {
    return pass(raw[actions]);
  }

  /** All A locations of a raw row, into {@code out}. */
  public void locations(double[] raw, double[] out) {
    for (int a = 0; a < actions; a++) {
      out[a] = location(raw, a);
    }
  }

  @Override
  public String toString() {
    return "OutputHead(actions=" + actions + (gumbel ? ", gumbel" : ", point")
        + (clip ? ", clip [" + clipMin + ", " + clipMax + "]" : "") + (exp ? ", exp locations" : "") + ")";
  }
}
