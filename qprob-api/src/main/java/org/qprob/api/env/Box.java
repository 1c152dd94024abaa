package org.qprob.api.env;

import java.util.Arrays;

/**
 * A box of real vectors, Gymnasium's {@code Box}: element-wise bounds, possibly infinite, kept as float32 as
 * Gymnasium keeps them.
 */
public record Box(float[] low, float[] high) implements Space {
  public Box {
    if (low.length != high.length || low.length == 0) {
      throw new IllegalArgumentException("Box bounds must be non-empty and of equal length: " + low.length + " vs " + high.length);
    }
    for (int i = 0; i < low.length; i++) {
      if (!(low[i] <= high[i])) {
        throw new IllegalArgumentException("Box bound " + i + ": low " + low[i] + " > high " + high[i]);
      }
    }
    low = low.clone();
    high = high.clone();
  }

  @Override
  public float[] low() {
    return low.clone();
  }

  @Override
  public float[] high() {
    return high.clone();
  }

  public int size() {
    return low.length;
  }

  @Override
  public int flatSize() {
    return low.length;
  }

  @Override
  public int encodedSize() {
    return low.length;
  }

  /** Whether {@code x} lies inside the bounds (inclusive), element by element. */
  public boolean contains(float[] x) {
    if (x.length != low.length) {
      return false;
    }
    for (int i = 0; i < x.length; i++) {
      if (!(x[i] >= low[i] && x[i] <= high[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
  }

  @Override
  public String toString() {
    return "Box(" + Arrays.toString(low) + ", " + Arrays.toString(high) + ")";
  }
}
