package org.qprob.api.loss;

/** The output model of point losses: one number per action, {@code Q(s, a)}, all of them locations. */
public record PointValues(int actions) implements OutputModel {
  public PointValues {
    if (actions < 1) {
      throw new IllegalArgumentException("actions = " + actions + " is invalid; expected >= 1");
    }
  }

  @Override
  public int width() {
    return actions;
  }

  @Override
  public int locationOutputs() {
    return actions;
  }

  @Override
  public void expectedValues(double[] row, int offset, double[] q) {
    System.arraycopy(row, offset, q, 0, actions);
  }

  @Override
  public String toString() {
    return "point values (" + actions + " actions)";
  }
}
