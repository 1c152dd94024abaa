package org.qprob.agents.network;

import org.qprob.api.env.Box;
import org.qprob.api.env.Discrete;
import org.qprob.api.env.Space;

/** Turns an observation into network inputs: a box's values as they are, a discrete state one-hot. */
public final class ObservationEncoder {
  private final Space space;
  private final int width;

  public ObservationEncoder(Space space) {
    this.space = space;
    this.width = space.encodedSize();
  }

  /** The network input width. */
  public int width() {
    return width;
  }

  /**
   * The shape the network reads the encoded input in: a box's own shape (MinAtar's grids: rows, columns, channels),
   * {@code [n]} for a one-hot discrete state.
   */
  public int[] shape() {
    return space instanceof Box b ? b.shape() : new int[] {width};
  }

  /** The stored width of one raw observation. */
  public int rawWidth() {
    return space.flatSize();
  }

  /** Writes the encoding of {@code observation} into {@code out[offset .. offset + width)}. */
  public void encode(float[] observation, float[] out, int offset) {
    encode(observation, 0, out, offset);
  }

  /** As {@link #encode(float[], float[], int)} for a raw observation stored at {@code source[from ..]}. */
  public void encode(float[] source, int from, float[] out, int offset) {
    if (space instanceof Box) {
      System.arraycopy(source, from, out, offset, width);
    } else if (space instanceof Discrete d) {
      int s = (int) source[from];
      if (!d.contains(s)) {
        throw new IllegalArgumentException("observation " + source[from] + " is outside " + d);
      }
      java.util.Arrays.fill(out, offset, offset + width, 0f);
      out[offset + s] = 1f;
    } else {
      throw new IllegalArgumentException("observation space " + space + " is not supported; expected a Box or a Discrete");
    }
  }

  @Override
  public String toString() {
    return "ObservationEncoder(" + space + ")";
  }
}
