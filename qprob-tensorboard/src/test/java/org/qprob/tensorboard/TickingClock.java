package org.qprob.tensorboard;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that starts at a given instant and moves a quarter second each time it is read. */
final class TickingClock extends Clock {
  private Instant next;

  TickingClock(long epochSecond) {
    this.next = Instant.ofEpochSecond(epochSecond);
  }

  @Override
  public Instant instant() {
    Instant now = next;
    next = next.plusMillis(250);
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a test clock has one zone");
  }
}
