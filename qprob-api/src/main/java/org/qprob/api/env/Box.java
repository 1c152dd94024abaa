package org.qprob.api.env;

import java.util.Arrays;

/**
 * A box of real vectors, Gymnasium's {@code Box}: element-wise bounds, possibly infinite, kept as float32 as
 * Gymnasium keeps them, and the shape the flat vector is read in (Gymnasium's {@code shape}, in C order: the last
 * index varies fastest). A vector has shape {@code [size]}; MinAtar's grids have shape {@code [rows, columns,
 * channels]}.
 */
public record Box(float[] low, float[] high, int[] shape) implements Space {
  public Box {
    if (low.length != high.length || low.length == 0) {
      throw new IllegalArgumentException("Box bounds must be non-empty and of equal length: " + low.length + " vs " + high.length);
    }
    long cells = 1;
    for (int d : shape) {
      cells = d > 0 ? cells * d : -1;
    }
    if (shape.length == 0 || cells != low.length) {
      throw new IllegalArgumentException("Box shape " + Arrays.toString(shape) + " does not hold " + low.length
          + " values; expected positive sizes whose product is " + low.length);
    }
    shape = shape.clone();
    for (int i = 0; i < low.length; i++) {
      if (!(low[i] <= high[i])) {
        throw new IllegalArgumentException("Box bound " + i + ": low " + low[i] + " > high " + high[i]);
      }
    }
    low = low.clone();
    high = high.clone();
  }

  /** A box of vectors: shape {@code [low.length]}. */
  public Box(float[] low, float[] high) {
    this(low, high, new int[] {low.length});
  }

  @Override
  public float[] low() {
    return low.clone();
  }

  @Override
  public float[] high() {
    return high.clone();
  }

  /** The shape, outermost first. */
  @Override
  public int[] shape() {
    return shape.clone();
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
    return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high)
        && Arrays.equals(shape, b.shape);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(low) + Arrays.hashCode(high)) + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return "Box(" + Arrays.toString(low) + ", " + Arrays.toString(high)
        + (shape.length == 1 ? "" : ", shape " + Arrays.toString(shape)) + ")";
  }
}
