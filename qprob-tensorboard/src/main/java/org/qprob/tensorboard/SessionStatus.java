package org.qprob.tensorboard;

/** How a run (an HParams "session") ended: {@code tensorboard.hparams.Status} of {@code api.proto}. */
public enum SessionStatus {
  /** The run finished its budget. */
  SUCCESS(1),
  /** The run stopped on an error (divergence, an exception). */
  FAILURE(2),
  /** The run is still going (an intermediate end record). */
  RUNNING(3);

  private final int protoNumber;

  SessionStatus(int protoNumber) {
    this.protoNumber = protoNumber;
  }

  /** The enum's number in {@code api.proto}. */
  public int protoNumber() {
    return protoNumber;
  }
}
