package org.qprob.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known answers from a file TensorFlow wrote for {@code tf.summary.scalar("accuracy", 0.99, step=77)}, as quoted in
 * {@code tensorboard/data/server/tf_record.rs} (its {@code test_success}).
 */
class TfRecordTest {
  static final byte[] HEADER_DATA = concat(hex("09 00 00 80 38 99 d6 d7 41 1a 0d"), ascii("brain.Event:2"));
  static final byte[] SCALAR_DATA = concat(
      hex("09 c4 05 b7 3d 99 d6 d7 41 10 4d 2a 25 0a 23 0a 08"), ascii("accuracy"),
      hex("42 0a 08 01 12 00 22 04 a4 70 7d 3f 4a 0b 0a 09 0a 07"), ascii("scalars"));
  static final byte[] FILE = concat(
      hex("18 00 00 00 00 00 00 00 a3 7f 4b 22"), HEADER_DATA, hex("12 4b 36 ab"),
      hex("32 00 00 00 00 00 00 00 24 19 56 ec"), SCALAR_DATA, hex("a5 5b 64 33"));

  @Test
  void framingReproducesTensorFlowsBytes() {
    assertThat(concat(TfRecord.frame(HEADER_DATA), TfRecord.frame(SCALAR_DATA))).isEqualTo(FILE);
  }

  @Test
  void readerDecodesTensorFlowsFile(@TempDir Path dir) throws Exception {
    Path file = Files.write(dir.resolve("events.out.tfevents.1.tf"), FILE);

    List<Event> events = EventFileReader.read(file);

    assertThat(events).hasSize(2);
    Event header = events.get(0);
    assertThat(header.fileVersion()).isEqualTo("brain.Event:2");
    assertThat(header.step()).isZero();
    assertThat(header.wallTime()).isEqualTo(le64double(hex("00 00 80 38 99 d6 d7 41")));
    assertThat(header.values()).isEmpty();

    Event scalar = events.get(1);
    assertThat(scalar.step()).isEqualTo(77);
    assertThat(scalar.fileVersion()).isEmpty();
    assertThat(scalar.values()).hasSize(1);
    SummaryValue value = scalar.values().get(0);
    assertThat(value.tag()).isEqualTo("accuracy");
    assertThat(value.pluginName()).isEqualTo("scalars");
    assertThat(value.simpleValue()).isEmpty();
    Tensor tensor = value.tensor().orElseThrow();
    assertThat(tensor.dtype()).isEqualTo(1);
    assertThat(tensor.shape()).isEmpty();
    float stored = ByteBuffer.wrap(tensor.content().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).getFloat();
    assertThat(stored).isEqualTo(0.99f);
    assertThat(EventFileReader.readIntact(file).records().get(1).data()).isEqualTo(ByteString.copyFrom(SCALAR_DATA));
  }

  static byte[] hex(String spaced) {
    String[] parts = spaced.split(" ");
    byte[] bytes = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return bytes;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static double le64double(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getDouble();
  }
}
