package org.qprob.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileWriterTest {
  static final List<String> METRICS = List.of("charts/episodic_return", "eval/mean_return");

  static Map<String, Object> hparams() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("loss", "gumbel");
    values.put("learning_rate", 2.5e-4);
    values.put("batch_size", 128);
    values.put("double_dqn", true);
    return values;
  }

  static Path writeRun(Path dir) throws Exception {
    try (EventFileWriter writer = EventFileWriter.create(dir, new TickingClock(1_700_000_000L), "host-a")) {
      writer.hyperParameters(HyperParameters.of(hparams(), METRICS).inGroup("gumbel-seeds"));
      writer.text("config", 0, "| key | value |\n|---|---|\n| loss | gumbel |");
      writer.scalar("charts/episodic_return", 10, 21.5);
      writer.scalar("losses/td_loss", 11, 0.1);
      writer.scalar("eval/mean_return", 12, -3.0);
      writer.sessionEnd(SessionStatus.SUCCESS);
      return writer.file();
    }
  }

  @Test
  void namesTheFileAfterTheClockAndTheHost(@TempDir Path dir) throws Exception {
    Path file = writeRun(dir.resolve("tensorboard"));
    assertThat(file.getParent()).isEqualTo(dir.resolve("tensorboard"));
    assertThat(file.getFileName()).hasToString("events.out.tfevents.1700000000.host-a");
  }

  @Test
  void everyRecordIsFramedWithBothMaskedChecksums(@TempDir Path dir) throws Exception {
    byte[] bytes = Files.readAllBytes(writeRun(dir));
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int offset = 0;
    int records = 0;
    while (offset < bytes.length) {
      long length = buffer.getLong(offset);
      assertThat(buffer.getInt(offset + 8)).isEqualTo(masked(bytes, offset, 8));
      assertThat(buffer.getInt(offset + 12 + (int) length)).isEqualTo(masked(bytes, offset + 12, (int) length));
      offset += 12 + (int) length + 4;
      records++;
    }
    assertThat(offset).isEqualTo(bytes.length);
    assertThat(records).isEqualTo(1 + 2 + 1 + 3 + 1);
  }

  /** The mask written out again here from TensorFlow's formula, with the JDK's CRC32C. */
  private static int masked(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    int c = (int) crc.getValue();
    return ((c >>> 15) | (c << 17)) + 0xa282ead8;
  }

  @Test
  void readsBackEveryValue(@TempDir Path dir) throws Exception {
    List<Event> events = EventFileReader.read(writeRun(dir));

    assertThat(events).hasSize(8);
    Event header = events.get(0);
    assertThat(header.fileVersion()).isEqualTo("brain.Event:2");
    assertThat(header.wallTime()).isEqualTo(1_700_000_000.0);
    assertThat(header.values()).isEmpty();
    assertThat(events).extracting(Event::wallTime).isSorted().doesNotHaveDuplicates();

    assertThat(events.get(1).values()).singleElement().satisfies(v -> {
      assertThat(v.tag()).isEqualTo("_hparams_/experiment");
      assertThat(v.pluginName()).isEqualTo("hparams");
      assertNullTensor(v.tensor().orElseThrow());
    });
    assertThat(events.get(2).values().get(0).tag()).isEqualTo("_hparams_/session_start_info");

    SummaryValue text = events.get(3).values().get(0);
    assertThat(events.get(3).step()).isZero();
    assertThat(text.tag()).isEqualTo("config");
    assertThat(text.pluginName()).isEqualTo("text");
    assertThat(text.pluginContent()).isEqualTo(ByteString.EMPTY); // TextPluginData{version: 0}
    assertThat(text.tensor().orElseThrow().dtype()).isEqualTo(7); // DT_STRING
    assertThat(text.tensor().orElseThrow().shape()).isEmpty();
    assertThat(text.text()).isEqualTo("| key | value |\n|---|---|\n| loss | gumbel |");

    assertScalar(events.get(4), 10, "charts/episodic_return", 21.5f);
    assertScalar(events.get(5), 11, "losses/td_loss", 0.1f);
    assertScalar(events.get(6), 12, "eval/mean_return", -3.0f);

    SummaryValue end = events.get(7).values().get(0);
    assertThat(end.tag()).isEqualTo("_hparams_/session_end_info");
    UnknownFieldSet endData = UnknownFieldSet.parseFrom(UnknownFieldSet.parseFrom(end.pluginContent())
        .getField(4).getLengthDelimitedList().get(0));
    assertThat(endData.getField(1).getVarintList()).containsExactly(1L); // STATUS_SUCCESS
    assertThat(Double.longBitsToDouble(endData.getField(2).getFixed64List().get(0)))
        .isEqualTo(events.get(7).wallTime() - 0.25);
  }

  private static void assertScalar(Event event, long step, String tag, float value) {
    assertThat(event.step()).isEqualTo(step);
    assertThat(event.values()).singleElement().satisfies(v -> {
      assertThat(v.tag()).isEqualTo(tag);
      assertThat(v.simpleValue()).hasValue(value);
      assertThat(v.pluginName()).isEmpty();
      assertThat(v.tensor()).isEmpty();
    });
  }

  private static void assertNullTensor(Tensor tensor) {
    assertThat(tensor.dtype()).isEqualTo(1); // DT_FLOAT
    assertThat(tensor.shape()).containsExactly(0L);
    assertThat(tensor.content().isEmpty()).isTrue();
  }

  /** Decodes the hparams plugin content with protobuf's generic field view, independently of the reader. */
  @Test
  void hyperParametersFollowThePluginsProtos(@TempDir Path dir) throws Exception {
    List<Event> events = EventFileReader.read(writeRun(dir));

    UnknownFieldSet experimentData = UnknownFieldSet.parseFrom(events.get(1).values().get(0).pluginContent());
    assertThat(experimentData.hasField(1)).as("version 0 is the default, so absent").isFalse();
    UnknownFieldSet experiment = UnknownFieldSet.parseFrom(experimentData.getField(2).getLengthDelimitedList().get(0));
    assertThat(Double.longBitsToDouble(experiment.getField(3).getFixed64List().get(0))).isEqualTo(1_700_000_000.25);
    List<String> names = new ArrayList<>();
    List<Long> types = new ArrayList<>();
    for (ByteString info : experiment.getField(4).getLengthDelimitedList()) {
      UnknownFieldSet fields = UnknownFieldSet.parseFrom(info);
      names.add(fields.getField(1).getLengthDelimitedList().get(0).toStringUtf8());
      types.add(fields.getField(4).getVarintList().get(0));
    }
    assertThat(names).containsExactly("batch_size", "double_dqn", "learning_rate", "loss");
    assertThat(types).containsExactly(3L, 2L, 3L, 1L); // FLOAT64, BOOL, FLOAT64, STRING
    List<String> metrics = new ArrayList<>();
    for (ByteString info : experiment.getField(5).getLengthDelimitedList()) {
      UnknownFieldSet name = UnknownFieldSet.parseFrom(UnknownFieldSet.parseFrom(info).getField(1)
          .getLengthDelimitedList().get(0));
      assertThat(name.hasField(1)).as("group: the run itself").isFalse();
      metrics.add(name.getField(2).getLengthDelimitedList().get(0).toStringUtf8());
    }
    assertThat(metrics).isEqualTo(METRICS);

    UnknownFieldSet startData = UnknownFieldSet.parseFrom(events.get(2).values().get(0).pluginContent());
    UnknownFieldSet start = UnknownFieldSet.parseFrom(startData.getField(3).getLengthDelimitedList().get(0));
    Map<String, com.google.protobuf.Value> values = new LinkedHashMap<>();
    for (ByteString entry : start.getField(1).getLengthDelimitedList()) {
      UnknownFieldSet fields = UnknownFieldSet.parseFrom(entry);
      values.put(fields.getField(1).getLengthDelimitedList().get(0).toStringUtf8(),
          com.google.protobuf.Value.parseFrom(fields.getField(2).getLengthDelimitedList().get(0)));
    }
    assertThat(values.keySet()).containsExactly("batch_size", "double_dqn", "learning_rate", "loss");
    assertThat(values.get("batch_size").getNumberValue()).isEqualTo(128.0);
    assertThat(values.get("double_dqn").getBoolValue()).isTrue();
    assertThat(values.get("learning_rate").getNumberValue()).isEqualTo(2.5e-4);
    assertThat(values.get("loss").getStringValue()).isEqualTo("gumbel");
    assertThat(start.getField(4).getLengthDelimitedList().get(0).toStringUtf8()).isEqualTo("gumbel-seeds");
    assertThat(Double.longBitsToDouble(start.getField(5).getFixed64List().get(0))).isEqualTo(1_700_000_000.25);
  }

  @Test
  void hyperParametersAreWrittenOncePerFile(@TempDir Path dir) throws Exception {
    try (EventFileWriter writer = EventFileWriter.create(dir, new TickingClock(5), "h")) {
      assertThat(writer.hasHyperParameters()).isFalse();
      writer.hyperParameters(HyperParameters.of(hparams(), METRICS));
      assertThat(writer.hasHyperParameters()).isTrue();
      assertThatThrownBy(() -> writer.hyperParameters(HyperParameters.of(hparams(), METRICS)))
          .isInstanceOf(IllegalStateException.class).hasMessageEndingWith("already holds hyper-parameters");
    }
  }

  @Test
  void badInputGetsOneClearLine(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> HyperParameters.of(Map.of("net", List.of(64, 64)), METRICS))
        .hasMessage("hyper-parameter 'net' = [64, 64] is not a number, string or boolean");
    assertThatThrownBy(() -> HyperParameters.of(Map.of("lr", Double.NaN), METRICS))
        .hasMessage("hyper-parameter 'lr' is NaN; use a finite number");
    assertThatThrownBy(() -> HyperParameters.of(Map.of(), List.of("a", "a")))
        .hasMessage("metric tag 'a' is listed twice");
    assertThatThrownBy(() -> EventFileWriter.create(dir, new TickingClock(5), "a/b"))
        .hasMessage("host name 'a/b' cannot end an event file's name");
    EventFileWriter writer = EventFileWriter.create(dir, new TickingClock(5), "h");
    assertThatThrownBy(() -> writer.scalar("x", -1, 0)).hasMessage("step -1 is negative");
    assertThatThrownBy(() -> writer.scalar(" ", 1, 0)).hasMessage("a summary tag is blank");
    writer.close();
    assertThatThrownBy(() -> writer.scalar("x", 1, 0)).hasMessageStartingWith("the writer of ")
        .hasMessageEndingWith(" is closed");
    assertThatThrownBy(() -> EventFileWriter.create(dir, new TickingClock(5), "h"))
        .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
  }
}
