package org.qprob.tensorboard;

import java.io.IOException;
import java.nio.file.Path;

/** An event file that is truncated or damaged: names the file and the byte offset of the record at fault. */
public final class EventFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long offset;

  EventFileException(Path file, long offset, String problem) {
    super(file + ": " + problem + " at offset " + offset);
    this.file = file;
    this.offset = offset;
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** The offset of the first byte of the record at fault. */
  public long offset() {
    return offset;
  }
}
