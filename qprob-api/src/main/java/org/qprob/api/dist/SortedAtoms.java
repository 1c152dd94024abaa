package org.qprob.api.dist;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The shared arithmetic of the discrete distributions: atoms sorted ascending, their probabilities, the cumulative
 * probabilities {@code F_k = P(X <= atom_k)} (the last exactly 1) and the tail probabilities {@code 1 - F_k} summed
 * from the top (so that they keep their relative precision).
 */
final class SortedAtoms {
  private final double[] atoms;
  private final double[] probabilities;
  private final double[] cumulative;
  private final double[] tail;

  /** Takes ownership of the arrays: {@code atoms} sorted, {@code probabilities} summing to 1. */
  private SortedAtoms(double[] atoms, double[] probabilities, double[] cumulative, double[] tail) {
    this.atoms = atoms;
    this.probabilities = probabilities;
    this.cumulative = cumulative;
    this.tail = tail;
  }

  /**
   * Sorts {@code values} with their {@code weights} (finite, {@code >= 0}, positive sum; copied) and normalises the
   * weights by their sum.
   */
  static SortedAtoms of(double[] values, double[] weights) {
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    Arrays.sort(order, (i, j) -> Double.compare(values[i], values[j]));
    double total = 0; // summed in sorted order, as the cumulative sums are, so that F_k <= F_(k+1) <= 1
    for (int k = 0; k < n; k++) {
      total += weights[order[k]];
    }
    double[] atoms = new double[n];
    double[] probabilities = new double[n];
    for (int k = 0; k < n; k++) {
      atoms[k] = values[order[k]];
      probabilities[k] = weights[order[k]] / total;
    }
    double[] cumulative = new double[n];
    double[] tail = new double[n];
    double below = 0;
    double above = 0;
    for (int k = 0; k < n; k++) {
      below += weights[order[k]];
      cumulative[k] = below / total;
      tail[n - 1 - k] = above / total;
      above += weights[order[n - 1 - k]];
    }
    cumulative[n - 1] = 1;
    return new SortedAtoms(atoms, probabilities, cumulative, tail);
  }

  /** {@code values} sorted, each with probability {@code 1 / n}; {@code F_k = (k + 1) / n} exactly rounded. */
  static SortedAtoms equallyWeighted(double[] values) {
    int n = values.length;
    double[] atoms = values.clone();
    Arrays.sort(atoms);
    double[] probabilities = new double[n];
    double[] cumulative = new double[n];
    double[] tail = new double[n];
    for (int k = 0; k < n; k++) {
      probabilities[k] = 1.0 / n;
      cumulative[k] = (k + 1.0) / n;
      tail[k] = (n - k - 1.0) / n;
    }
    return new SortedAtoms(atoms, probabilities, cumulative, tail);
  }

  int size() {
    return atoms.length;
  }

  double atom(int k) {
    return atoms[k];
  }

  double probability(int k) {
    return probabilities[k];
  }

  double[] atoms() {
    return atoms.clone();
  }

  double[] probabilities() {
    return probabilities.clone();
  }

  /** The number of atoms {@code <= x}. */
  private int countAtMost(double x) {
    int lo = 0;
    int hi = atoms.length; // atoms[lo - 1] <= x < atoms[hi]
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (atoms[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** {@code F(x) = sum_{atom_k <= x} p_k}; NaN for a NaN {@code x}. */
  double cdf(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    int count = countAtMost(x);
    return count == 0 ? 0 : cumulative[count - 1];
  }

  /** The first atom {@code k} with {@code F_k >= p}, for {@code 0 < p <= 1}. */
  double quantile(double p) {
    int lo = 0;
    int hi = atoms.length - 1; // cumulative[hi] = 1 >= p
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] >= p) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return atoms[lo];
  }

  /** The first atom {@code k} with {@code F_k > u}, {@code u} uniform in {@code [0, 1)}: never an atom of mass 0. */
  double sample(RandomGenerator random) {
    double u = random.nextDouble();
    int lo = 0;
    int hi = atoms.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return atoms[lo];
  }

  /** {@code sum_k p_k atom_k}. */
  double mean() {
    double sum = 0;
    for (int k = 0; k < atoms.length; k++) {
      sum += probabilities[k] * atoms[k];
    }
    return sum;
  }

  /** {@code sum_k p_k (atom_k - mean)^2}, two-pass. */
  double variance() {
    double mean = mean();
    double sum = 0;
    for (int k = 0; k < atoms.length; k++) {
      double d = atoms[k] - mean;
      sum += probabilities[k] * d * d;
    }
    return sum;
  }

  /**
   * {@code CRPS(F, y) = integral (F(x) - 1{x >= y})^2 dx} exactly, summed over the pieces where the step function is
   * constant: {@code max(0, atom_0 - y) + max(0, y - atom_last)} for the two outer half-lines plus, for each gap
   * {@code [atom_k, atom_(k+1))}, {@code F_k^2} times its length below {@code y} and {@code (1 - F_k)^2} times its
   * length above. Every term is {@code >= 0}, so nothing cancels; O(n) on the sorted atoms.
   */
  double crps(String name, double y) {
    if (!Double.isFinite(y)) {
      throw new IllegalArgumentException(name + ".crps: y = " + y + " is invalid; expected a finite number");
    }
    int n = atoms.length;
    double sum = Math.max(0, atoms[0] - y) + Math.max(0, y - atoms[n - 1]);
    for (int k = 0; k < n - 1; k++) {
      double left = atoms[k];
      double right = atoms[k + 1];
      double below = Math.min(right, y) - left;
      if (below > 0) {
        sum += cumulative[k] * cumulative[k] * below;
      }
      double above = right - Math.max(left, y);
      if (above > 0) {
        sum += tail[k] * tail[k] * above;
      }
    }
    return sum;
  }

  /** {@code name[n atoms: atom=p, ...]}, the first eight atoms shown. */
  String describe(String name) {
    StringBuilder out = new StringBuilder(name).append("[").append(atoms.length).append(" atoms: ");
    int shown = Math.min(atoms.length, 8);
    for (int k = 0; k < shown; k++) {
      out.append(k == 0 ? "" : ", ").append(atoms[k]).append('=').append(probabilities[k]);
    }
    return out.append(atoms.length > shown ? ", ...]" : "]").toString();
  }
}
