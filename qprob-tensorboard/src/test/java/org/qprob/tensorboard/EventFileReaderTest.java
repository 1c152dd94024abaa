package org.qprob.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileReaderTest {
  private static Path tensorFlowFile(Path dir, byte[] bytes) throws Exception {
    return Files.write(dir.resolve("events.out.tfevents.1.tf"), bytes);
  }

  /** Where TensorFlow's second record starts in {@link TfRecordTest#FILE}. */
  private static final int SECOND = 12 + TfRecordTest.HEADER_DATA.length + 4;

  @Test
  void aCorruptedDataByteIsABadDataChecksumAtItsRecordsOffset(@TempDir Path dir) throws Exception {
    byte[] bytes = TfRecordTest.FILE.clone();
    bytes[SECOND + 12 + 20] ^= 0x01;
    Path file = tensorFlowFile(dir, bytes);

    assertThatThrownBy(() -> EventFileReader.read(file))
        .isInstanceOf(EventFileException.class)
        .hasMessageContaining("bad data checksum")
        .hasMessageEndingWith("at offset " + SECOND)
        .satisfies(e -> assertThat(((EventFileException) e).offset()).isEqualTo(SECOND));
    EventFileReader.Intact intact = EventFileReader.readIntact(file);
    assertThat(intact.records()).hasSize(1);
    assertThat(intact.intactBytes()).isEqualTo(SECOND);
  }

  @Test
  void aCorruptedLengthIsABadLengthChecksum(@TempDir Path dir) throws Exception {
    byte[] bytes = TfRecordTest.FILE.clone();
    bytes[0] = 0x19;
    assertThatThrownBy(() -> EventFileReader.read(tensorFlowFile(dir, bytes)))
        .hasMessageContaining("bad length checksum (stored 0x224b7fa3, computed ")
        .hasMessageEndingWith("at offset 0");
  }

  @Test
  void aCorruptedChecksumIsDetected(@TempDir Path dir) throws Exception {
    byte[] bytes = TfRecordTest.FILE.clone();
    bytes[bytes.length - 1] ^= (byte) 0x80;
    assertThatThrownBy(() -> EventFileReader.read(tensorFlowFile(dir, bytes)))
        .hasMessageContaining("bad data checksum (stored 0xb3645ba5, computed 0x33645ba5)");
  }

  @Test
  void everyCutOfTheLastRecordKeepsTheRecordsBeforeIt(@TempDir Path dir) throws Exception {
    for (int cut = SECOND + 1; cut < TfRecordTest.FILE.length; cut++) {
      Path file = tensorFlowFile(dir, Arrays.copyOf(TfRecordTest.FILE, cut));

      EventFileReader.Intact intact = EventFileReader.readIntact(file);

      assertThat(intact.events()).extracting(Event::fileVersion).containsExactly("brain.Event:2");
      assertThat(intact.intactBytes()).isEqualTo(SECOND);
      assertThat(intact.damage()).get().extracting(EventFileException::offset).isEqualTo((long) SECOND);
      assertThat(intact.damage().get()).hasMessageContaining("truncated record");
      assertThatThrownBy(() -> EventFileReader.read(file)).isInstanceOf(EventFileException.class);
    }
  }

  @Test
  void aCutAtARecordBoundaryIsAnIntactFile(@TempDir Path dir) throws Exception {
    Path file = tensorFlowFile(dir, Arrays.copyOf(TfRecordTest.FILE, SECOND));
    assertThat(EventFileReader.read(file)).hasSize(1);
    assertThat(EventFileReader.readIntact(file).damage()).isEmpty();
    assertThat(EventFileReader.read(tensorFlowFile(dir, new byte[0]))).isEqualTo(List.of());
  }
}
