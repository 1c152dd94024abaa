package org.qprob.agents.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.random.RandomGenerator;
import org.qprob.agents.config.PrioritizedConfig;

/**
 * {@code agent.replay.kind = prioritized}: proportional prioritized replay (Schaul et al. 2016) on a {@link SumTree}.
 * Slot i is drawn with probability {@code P(i) = p_i / sum_k p_k}: the batch of k is stratified, one draw uniform in
 * each of k equal segments of the total priority mass (the paper's Appendix B.2.1), so a slot may appear twice. A
 * new transition gets the largest priority seen so far (1 at first); after a gradient step each sampled slot gets
 * {@code p_i = (|delta_i| + epsilon)^alpha} from the loss's priority signal (a non-finite signal, from a diverging run,
 * gets the largest priority instead, leaving the divergence to the guard that watches the parameters). Each sample's
 * loss is weighted by {@code w_i = (N * P(i))^-beta / max_k w_k}, the max over the N stored transitions (that of the
 * smallest priority, kept by the tree), so weights lie in (0, 1]; beta follows {@link PrioritizedConfig#betaAt}.
 * Sampling and each update are O(log N); the tree and the largest priority go into the checkpoint.
 */
public final class PrioritizedSampler implements ReplaySampler {
  private final PrioritizedConfig config;
  private final SumTree tree;
  /** Work space reused by every batch: the masses to find, the priorities to set. */
  private double[] masses = new double[0];
  private double[] priorities = new double[0];
  private double maxPriority = 1.0;
  private int filled;

  /** A sampler over {@code capacity} slots. */
  public PrioritizedSampler(int capacity, PrioritizedConfig config) {
    this.config = config;
    this.tree = new SumTree(capacity);
  }

  @Override
  public void added(int slot) {
    tree.set(slot, maxPriority);
    filled = Math.max(filled, slot + 1);
  }

  @Override
  public void sample(int size, int[] slots, double[] weights, long envSteps, RandomGenerator rng) {
    if (size < 1 || size > filled) {
      throw new IllegalStateException("cannot draw from " + size + " transitions; " + filled + " have priorities");
    }
    int k = slots.length;
    double total = tree.total();
    double segment = total / k;
    double beta = config.betaAt(envSteps);
    double maxWeight = Math.pow(size * (tree.min() / total), -beta);
    double[] masses = masses(k);
    for (int i = 0; i < k; i++) {
      masses[i] = (i + rng.nextDouble()) * segment;
    }
    tree.findAll(masses, slots);
    for (int i = 0; i < k; i++) {
      weights[i] = Math.pow(size * (tree.get(slots[i]) / total), -beta) / maxWeight;
    }
  }

  /** True. */
  @Override
  public boolean usesPriorities() {
    return true;
  }

  @Override
  public void prioritize(int[] slots, double[] signal) {
    double[] p = priorities(slots.length);
    for (int i = 0; i < slots.length; i++) {
      p[i] = priority(signal[i]);
      maxPriority = Math.max(maxPriority, p[i]);
    }
    tree.setAll(slots, p);
  }

  private double[] masses(int n) {
    if (masses.length != n) {
      masses = new double[n];
    }
    return masses;
  }

  private double[] priorities(int n) {
    if (priorities.length != n) {
      priorities = new double[n];
    }
    return priorities;
  }

  /** {@code (|signal| + epsilon)^alpha}; the largest priority so far for a non-finite signal. */
  double priority(double signal) {
    double p = Math.pow(Math.abs(signal) + config.epsilon(), config.alpha());
    return p < Double.POSITIVE_INFINITY ? p : maxPriority;
  }

  /** Slot {@code i}'s priority. */
  public double priorityOf(int slot) {
    return tree.get(slot);
  }

  /** The largest priority seen so far, which the next new transition gets. */
  public double maxPriority() {
    return maxPriority;
  }

  /** The tree, read only. */
  SumTree tree() {
    return tree;
  }

  @Override
  public void write(DataOutputStream out) throws IOException {
    out.writeDouble(maxPriority);
    out.writeInt(filled);
    tree.write(out, filled);
  }

  @Override
  public void read(DataInputStream in) throws IOException {
    maxPriority = in.readDouble();
    filled = in.readInt();
    tree.read(in);
  }

  @Override
  public String toString() {
    return "prioritized(alpha=" + config.alpha() + ", beta=" + config.beta() + " -> 1 over " + config.betaSteps()
        + " steps, epsilon=" + config.epsilon() + ")";
  }
}
