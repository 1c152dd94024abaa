package org.qprob.tensorboard;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a TensorBoard event file: TFRecord framing ({@link TfRecord}) with both masked CRC32C checksums checked,
 * each record decoded as an {@link Event}. The whole file is read into memory (run logs are small).
 *
 * <p>{@link #read} is strict: a truncated or damaged record is an {@link EventFileException} naming its offset.
 * {@link #readIntact} keeps the records before the first truncated or damaged one, which is what is left of a file
 * whose writer was killed in the middle of a record.
 */
public final class EventFileReader {
  private EventFileReader() {
  }

  /**
   * What {@link #readIntact} found.
   *
   * @param records     the intact records, in file order
   * @param intactBytes the length of the file's prefix they occupy
   * @param damage      the problem that ended reading before the end of the file, if any
   */
  public record Intact(List<EventRecord> records, long intactBytes, Optional<EventFileException> damage) {
    public Intact {
      records = List.copyOf(records);
    }

    /** The decoded events. */
    public List<Event> events() {
      return records.stream().map(EventRecord::event).toList();
    }
  }

  /** All events of {@code file}; fails on the first truncated or damaged record. */
  public static List<Event> read(Path file) throws IOException {
    Intact intact = readIntact(file);
    if (intact.damage().isPresent()) {
      throw intact.damage().get();
    }
    return intact.events();
  }

  /** The records of {@code file} up to (not including) the first truncated or damaged one. */
  public static Intact readIntact(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    List<EventRecord> records = new ArrayList<>();
    int offset = 0;
    while (offset < bytes.length) {
      int remaining = bytes.length - offset;
      if (remaining < TfRecord.HEADER_BYTES) {
        return damaged(records, offset, file, "truncated record header (" + remaining + " of "
            + TfRecord.HEADER_BYTES + " bytes)");
      }
      long length = buffer.getLong(offset);
      int storedLengthCrc = buffer.getInt(offset + Long.BYTES);
      int lengthCrc = MaskedCrc.of(bytes, offset, Long.BYTES);
      if (storedLengthCrc != lengthCrc) {
        return damaged(records, offset, file, "bad length checksum (stored " + hex(storedLengthCrc)
            + ", computed " + hex(lengthCrc) + ")");
      }
      long needed = TfRecord.HEADER_BYTES + length + TfRecord.FOOTER_BYTES;
      if (length < 0 || needed > remaining) {
        return damaged(records, offset, file, "truncated record (" + remaining + " of " + needed + " bytes)");
      }
      int dataStart = offset + TfRecord.HEADER_BYTES;
      int dataLength = (int) length;
      int storedDataCrc = buffer.getInt(dataStart + dataLength);
      int dataCrc = MaskedCrc.of(bytes, dataStart, dataLength);
      if (storedDataCrc != dataCrc) {
        return damaged(records, offset, file, "bad data checksum (stored " + hex(storedDataCrc)
            + ", computed " + hex(dataCrc) + ")");
      }
      ByteString data = ByteString.copyFrom(bytes, dataStart, dataLength);
      Event event;
      try {
        event = Event.parse(data);
      } catch (IOException e) {
        return damaged(records, offset, file, "undecodable Event (" + e.getMessage() + ")");
      }
      records.add(new EventRecord(offset, data, event));
      offset += (int) needed;
    }
    return new Intact(records, offset, Optional.empty());
  }

  private static Intact damaged(List<EventRecord> records, long offset, Path file, String problem) {
    return new Intact(records, offset, Optional.of(new EventFileException(file, offset, problem)));
  }

  private static String hex(int value) {
    return String.format("0x%08x", value);
  }
}
