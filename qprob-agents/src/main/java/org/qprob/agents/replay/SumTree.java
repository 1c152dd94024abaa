package org.qprob.agents.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Non-negative priorities over {@code capacity} slots in two complete binary trees over primitive arrays: one holds
 * sums, one minima (no object per slot). Setting a priority and finding the slot at a prefix sum are O(log N). Every
 * inner node is recomputed from its two children on each update (never adjusted by a difference), so the totals do
 * not drift however many updates are made: the root is always the sum of the leaves added in the tree's fixed order.
 *
 * <p>Layout: {@code leaves} is the smallest power of two {@code >= capacity}; node 1 is the root, node {@code k} has
 * children {@code 2k} and {@code 2k + 1}, slot {@code i} is leaf {@code leaves + i}. Unused leaves hold 0 in the sum
 * tree and +infinity in the min tree.
 */
public final class SumTree {
  private final int capacity;
  private final int leaves;
  private final double[] sums;
  private final double[] minima;
  /** Work space of {@link #setAll} and {@link #findAll}: the nodes reached, the mass left to descend. */
  private int[] nodeScratch = new int[0];
  private double[] massScratch = new double[0];

  public SumTree(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("sum tree capacity " + capacity + " is invalid; expected >= 1");
    }
    this.capacity = capacity;
    this.leaves = Integer.highestOneBit(capacity) == capacity ? capacity : Integer.highestOneBit(capacity) << 1;
    this.sums = new double[2 * leaves];
    this.minima = new double[2 * leaves];
    java.util.Arrays.fill(minima, Double.POSITIVE_INFINITY);
  }

  /** The bytes the arrays of a tree of {@code capacity} slots take. */
  public static long bytes(int capacity) {
    long leaves = Long.highestOneBit(capacity) == capacity ? capacity : Long.highestOneBit(capacity) << 1;
    return 2 * 2 * leaves * Double.BYTES;
  }

  public int capacity() {
    return capacity;
  }

  /** Sets slot {@code i}'s priority ({@code >= 0}, finite) and recomputes its ancestors. */
  public void set(int i, double priority) {
    if (i < 0 || i >= capacity) {
      throw new IndexOutOfBoundsException("slot " + i + " is outside [0, " + capacity + ")");
    }
    if (!(priority >= 0 && priority < Double.POSITIVE_INFINITY)) {
      throw new IllegalArgumentException("priority " + priority + " of slot " + i + " is invalid; expected a finite number >= 0");
    }
    int k = leaves + i;
    sums[k] = priority;
    minima[k] = priority;
    for (k >>= 1; k >= 1; k >>= 1) {
      sums[k] = sums[2 * k] + sums[2 * k + 1];
      minima[k] = Math.min(minima[2 * k], minima[2 * k + 1]);
    }
  }

  /**
   * Sets {@code slots[j]}'s priority to {@code priorities[j]} for each {@code j} in order (a slot listed twice keeps
   * the later one), then recomputes the ancestors level by level. The tree ends exactly as after the same
   * {@link #set} calls one by one, since every inner node is recomputed from its final children; walking all the
   * slots up one level at a time lets their (mostly cache-missing) reads overlap instead of following one path to the
   * root after another.
   */
  public void setAll(int[] slots, double[] priorities) {
    int n = slots.length;
    if (priorities.length != n) {
      throw new IllegalArgumentException(n + " slots but " + priorities.length + " priorities");
    }
    int[] nodes = scratch(n);
    for (int j = 0; j < n; j++) {
      int i = slots[j];
      double priority = priorities[j];
      if (i < 0 || i >= capacity) {
        throw new IndexOutOfBoundsException("slot " + i + " is outside [0, " + capacity + ")");
      }
      if (!(priority >= 0 && priority < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("priority " + priority + " of slot " + i + " is invalid; expected a finite number >= 0");
      }
      int k = leaves + i;
      sums[k] = priority;
      minima[k] = priority;
      nodes[j] = k;
    }
    for (int level = leaves >> 1; level >= 1; level >>= 1) {
      for (int j = 0; j < n; j++) {
        int k = nodes[j] >> 1;
        nodes[j] = k;
        sums[k] = sums[2 * k] + sums[2 * k + 1];
        minima[k] = Math.min(minima[2 * k], minima[2 * k + 1]);
      }
    }
  }

  /**
   * {@code slots[j] = find(masses[j])} for every {@code j}, the descents taken together one level at a time so that
   * their reads overlap; the same slots as {@link #find} one by one.
   */
  public void findAll(double[] masses, int[] slots) {
    int n = masses.length;
    if (slots.length != n) {
      throw new IllegalArgumentException(n + " masses but room for " + slots.length + " slots");
    }
    int[] nodes = scratch(n);
    double[] rest = scratchMass(n);
    for (int j = 0; j < n; j++) {
      nodes[j] = 1;
      rest[j] = masses[j];
    }
    for (int level = 1; level < leaves; level <<= 1) {
      for (int j = 0; j < n; j++) {
        // the same choice as find's, without a branch the CPU cannot predict (half the descents go each way):
        // subtracting 0 leaves the mass as it is
        int left = 2 * nodes[j];
        double l = sums[left];
        boolean right = rest[j] >= l && sums[left + 1] != 0;
        rest[j] -= right ? l : 0.0;
        nodes[j] = right ? left + 1 : left;
      }
    }
    for (int j = 0; j < n; j++) {
      slots[j] = nodes[j] - leaves;
    }
  }

  private int[] scratch(int n) {
    if (nodeScratch.length < n) {
      nodeScratch = new int[n];
    }
    return nodeScratch;
  }

  private double[] scratchMass(int n) {
    if (massScratch.length < n) {
      massScratch = new double[n];
    }
    return massScratch;
  }

  /** Slot {@code i}'s priority. */
  public double get(int i) {
    return sums[leaves + i];
  }

  /** The sum of all priorities. */
  public double total() {
    return sums[1];
  }

  /** The smallest priority set so far among the slots (+infinity if none was). */
  public double min() {
    return minima[1];
  }

  /**
   * The slot {@code i} whose cumulative range {@code [p_0 + ... + p_(i-1), p_0 + ... + p_i)} holds {@code mass}, for
   * {@code 0 <= mass < total()}. A mass at or beyond the total (rounding) gives the last slot with positive priority,
   * and a slot of priority 0 is never returned while the total is positive.
   */
  public int find(double mass) {
    int k = 1;
    double u = mass;
    while (k < leaves) {
      int left = 2 * k;
      double l = sums[left];
      if (u < l || sums[left + 1] == 0) {
        k = left;
      } else {
        u -= l;
        k = left + 1;
      }
    }
    return k - leaves;
  }

  /** Writes the leaves of the first {@code size} slots. */
  void write(DataOutputStream out, int size) throws IOException {
    out.writeInt(capacity);
    out.writeInt(size);
    for (int i = 0; i < size; i++) {
      out.writeDouble(sums[leaves + i]);
    }
  }

  /** Reads what {@link #write} wrote and rebuilds the inner nodes as the same sequence of updates would. */
  void read(DataInputStream in) throws IOException {
    int c = in.readInt();
    int size = in.readInt();
    if (c != capacity || size < 0 || size > capacity) {
      throw new IOException("checkpoint sum tree of capacity " + c + " with " + size + " slots does not match capacity "
          + capacity);
    }
    java.util.Arrays.fill(sums, 0);
    java.util.Arrays.fill(minima, Double.POSITIVE_INFINITY);
    for (int i = 0; i < size; i++) {
      double p = in.readDouble();
      sums[leaves + i] = p;
      minima[leaves + i] = p;
    }
    for (int k = leaves - 1; k >= 1; k--) {
      sums[k] = sums[2 * k] + sums[2 * k + 1];
      minima[k] = Math.min(minima[2 * k], minima[2 * k + 1]);
    }
  }

  @Override
  public String toString() {
    return "SumTree(capacity=" + capacity + ", total=" + total() + ")";
  }
}
