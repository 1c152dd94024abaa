package org.qprob.losses;

/** One-line checks of the flat arrays the distributional kernels read. */
final class ArrayChecks {
  private ArrayChecks() {}

  /** The number of samples, {@code rows.length >= 1}. */
  static int rows(String kernel, String field, double[] rows) {
    if (rows == null || rows.length == 0) {
      throw new IllegalArgumentException(kernel + ": " + field + " is empty; expected one entry per sample");
    }
    return rows.length;
  }

  /** Fails unless {@code array} is present with {@code length} entries. */
  static void require(String kernel, String field, double[] array, int length) {
    if (array == null) {
      throw new IllegalArgumentException(kernel + ": " + field + " is missing; expected " + length + " entries");
    }
    if (array.length != length) {
      throw new IllegalArgumentException(kernel + ": " + field + " has " + array.length + " entries; expected "
          + length);
    }
  }
}
