package org.qprob.tensorboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * TFRecord framing (TensorFlow {@code tensorflow/core/lib/io/record_writer.cc}): each record is
 * <pre>
 *   uint64 length        little-endian
 *   uint32 masked_crc32c(length bytes)
 *   byte   data[length]
 *   uint32 masked_crc32c(data)
 * </pre>
 */
public final class TfRecord {
  /** Bytes before the data: the length and its checksum. */
  public static final int HEADER_BYTES = 12;
  /** Bytes after the data: the data's checksum. */
  public static final int FOOTER_BYTES = 4;

  private TfRecord() {
  }

  /** The framed record holding {@code data}. */
  public static byte[] frame(byte[] data) {
    ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + data.length + FOOTER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putLong(data.length);
    buffer.putInt(MaskedCrc.of(buffer.array(), 0, Long.BYTES));
    buffer.put(data);
    buffer.putInt(MaskedCrc.of(data));
    return buffer.array();
  }

  /** Writes {@code data} framed as one record. */
  public static void write(OutputStream out, byte[] data) throws IOException {
    out.write(frame(data));
  }
}
