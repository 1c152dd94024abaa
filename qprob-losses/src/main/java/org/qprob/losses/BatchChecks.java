package org.qprob.losses;


/** One-line checks that a {@link LossBatch} carries what a loss needs. */
final class BatchChecks {
  private BatchChecks() {}

  /** Fails unless {@code array} is present with {@code length} entries. */
  static void require(String loss, String field, double[] array, int length) {
    if (array == null) {
      throw new IllegalArgumentException(loss + ": batch." + field + " is missing; this loss needs it");
    }
    if (array.length != length) {
      throw new IllegalArgumentException(loss + ": batch." + field + " has " + array.length + " entries; expected "
          + length);
    }
  }

  /** Fails unless {@code array} is present with {@code length} entries. */
  static void require(String loss, String field, boolean[] array, int length) {
    if (array == null) {
      throw new IllegalArgumentException(loss + ": batch." + field + " is missing; this loss needs it");
    }
    if (array.length != length) {
      throw new IllegalArgumentException(loss + ": batch." + field + " has " + array.length + " entries; expected "
          + length);
    }
  }

  /** Fails unless the batch has a positive size. */
  static int size(String loss, LossBatch batch) {
    if (batch.size() <= 0) {
      throw new IllegalArgumentException(loss + ": batch.size = " + batch.size() + " is invalid; expected >= 1");
    }
    return batch.size();
  }

  /** Point predictions and point targets of the batch's size. */
  static int point(String loss, LossBatch batch) {
    int n = size(loss, batch);
    require(loss, "prediction", batch.prediction(), n);
    require(loss, "target", batch.target(), n);
    return n;
  }
}
