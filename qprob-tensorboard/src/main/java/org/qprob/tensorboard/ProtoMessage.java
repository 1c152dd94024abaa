package org.qprob.tensorboard;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes one protocol-buffer message field by field with protobuf-java's {@link CodedOutputStream}; nested
 * messages are encoded first and added as bytes. Scalars at their proto3 default are left out, as protoc's code does.
 */
final class ProtoMessage {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

  ProtoMessage doubleField(int field, double value) {
    if (Double.doubleToRawLongBits(value) != 0L) {
      write(() -> out.writeDouble(field, value));
    }
    return this;
  }

  ProtoMessage floatField(int field, float value) {
    return write(() -> out.writeFloat(field, value));
  }

  ProtoMessage int64Field(int field, long value) {
    if (value != 0L) {
      write(() -> out.writeInt64(field, value));
    }
    return this;
  }

  ProtoMessage int32Field(int field, int value) {
    if (value != 0) {
      write(() -> out.writeInt32(field, value));
    }
    return this;
  }

  ProtoMessage boolField(int field, boolean value) {
    return write(() -> out.writeBool(field, value));
  }

  ProtoMessage stringField(int field, String value) {
    if (!value.isEmpty()) {
      write(() -> out.writeString(field, value));
    }
    return this;
  }

  /** A string that is written even when empty (a member of a {@code oneof}). */
  ProtoMessage stringFieldAlways(int field, String value) {
    return write(() -> out.writeString(field, value));
  }

  /** A {@code bytes} field, or a nested message already encoded; written even when empty (a set sub-message). */
  ProtoMessage bytesField(int field, byte[] value) {
    return write(() -> out.writeByteArray(field, value));
  }

  ProtoMessage messageField(int field, ProtoMessage message) {
    return bytesField(field, message.toByteArray());
  }

  byte[] toByteArray() {
    write(out::flush);
    return bytes.toByteArray();
  }

  private ProtoMessage write(Encoding encoding) {
    try {
      encoding.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode into memory", e);
    }
    return this;
  }

  @FunctionalInterface
  private interface Encoding {
    void run() throws IOException;
  }
}
