package org.qprob.tensorboard;

import com.google.protobuf.ByteString;
import java.util.Objects;

/**
 * One intact record of an event file.
 *
 * @param offset where its framing starts in the file
 * @param data   the serialized {@code Event}, checksums verified
 * @param event  {@code data} decoded
 */
public record EventRecord(long offset, ByteString data, Event event) {
  public EventRecord {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(event, "event");
  }
}
