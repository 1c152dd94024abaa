package org.qprob.experiments.report;

/** A closed interval {@code [lower, upper]}, e.g. a confidence interval; NaN bounds when there was no data. */
public record Interval(double lower, double upper) {
  /** The interval of no data. */
  public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

  public Interval {
    if (lower > upper) {
      throw new IllegalArgumentException("interval lower bound " + lower + " > upper bound " + upper);
    }
  }

  /** Whether {@code x} lies in the interval (inclusive). */
  public boolean contains(double x) {
    return x >= lower && x <= upper;
  }

  @Override
  public String toString() {
    return "[" + lower + ", " + upper + "]";
  }
}
