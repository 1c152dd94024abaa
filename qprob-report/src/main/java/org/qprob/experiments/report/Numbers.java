package org.qprob.experiments.report;

import java.util.Locale;

/**
 * The one way reports write numbers: {@code –} for a missing value (NaN), no locale, and either a fixed number of
 * decimals or the summary's three ranges (thousands grouped without decimals, 100 and above with one, below with
 * two).
 */
public final class Numbers {
  /** What a missing value is written as. */
  public static final String MISSING = "–";

  private Numbers() {}

  /** {@code 12,345} / {@code 123.4} / {@code 12.34} by magnitude. */
  public static String of(double v) {
    if (Double.isNaN(v)) {
      return MISSING;
    }
    double a = Math.abs(v);
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return fixed(v, a >= 100 ? 1 : 2);
  }

  /** {@code v} with {@code decimals} decimals. */
  public static String fixed(double v, int decimals) {
    return Double.isNaN(v) ? MISSING : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** {@code v} with one decimal from 100 on, else {@code decimals} decimals. */
  public static String fixedBelow100(double v, int decimals) {
    return fixed(v, !Double.isNaN(v) && Math.abs(v) >= 100 ? 1 : decimals);
  }

  /** {@link #of} with a {@code +} before a positive value. */
  public static String signed(double v) {
    return Double.isNaN(v) ? MISSING : (v > 0 ? "+" : "") + of(v);
  }
}
