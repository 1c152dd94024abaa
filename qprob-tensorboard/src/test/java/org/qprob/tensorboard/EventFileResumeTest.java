package org.qprob.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileResumeTest {
  private static final long START = 1_700_000_000L;
  private static final int STEPS = 20;
  private static final HyperParameters HPARAMS =
      HyperParameters.of(EventFileWriterTest.hparams(), EventFileWriterTest.METRICS);

  /** What a run logs: hparams and config at the start, three scalars per step, an eval every 5 steps. */
  private static void start(EventFileWriter writer) throws Exception {
    writer.hyperParameters(HPARAMS);
    writer.text("config", 0, "loss: gumbel");
  }

  private static void logStep(EventFileWriter writer, long step) throws Exception {
    writer.scalar("charts/episodic_return", step, step * 1.5);
    writer.scalar("charts/epsilon", step, 1.0 / (1 + step));
    writer.scalar("losses/td_loss", step, 0.01 * step);
    if (step % 5 == 4) {
      writer.scalar("eval/mean_return", step, step * 2.0);
      writer.text("eval/note", step, "evaluated at **" + step + "**");
    }
  }

  private static List<Event> uninterrupted(Path dir) throws Exception {
    try (EventFileWriter writer = EventFileWriter.create(dir, new TickingClock(START), "host")) {
      start(writer);
      for (long step = 0; step < STEPS; step++) {
        logStep(writer, step);
      }
      writer.sessionEnd(SessionStatus.SUCCESS);
      writer.flush();
      return EventFileReader.read(writer.file());
    }
  }

  /** Runs to step {@code killedAfter}, then loses the buffered tail: the file is cut {@code cutBytes} early. */
  private static Path killed(Path dir, long killedAfter, int cutBytes) throws Exception {
    Path file;
    try (EventFileWriter writer = EventFileWriter.create(dir, new TickingClock(START), "host")) {
      start(writer);
      for (long step = 0; step <= killedAfter; step++) {
        logStep(writer, step);
      }
      file = writer.file();
    }
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - cutBytes));
    return file;
  }

  private static List<Event> resumed(Path dir, long lastStep) throws Exception {
    try (EventFileWriter writer = EventFileWriter.resume(dir, lastStep, new TickingClock(START + 3600), "other")) {
      assertThat(writer.hasHyperParameters()).isTrue();
      for (long step = lastStep + 1; step < STEPS; step++) {
        logStep(writer, step);
      }
      writer.sessionEnd(SessionStatus.SUCCESS);
      writer.flush();
      return EventFileReader.read(writer.file());
    }
  }

  /**
   * The events apart from their times: wall times are zeroed and the session end's content (its status and its
   * {@code end_time_secs}, a time of the resumed run's clock) is replaced by its status alone.
   */
  private static List<Event> withoutWallTimes(List<Event> events) {
    return events.stream().map(e -> e.withWallTime(0)).map(EventFileResumeTest::withoutEndTime).toList();
  }

  private static Event withoutEndTime(Event event) {
    if (!event.hasTag(EventFileWriter.SESSION_END_TAG)) {
      return event;
    }
    SummaryValue end = event.values().get(0);
    try {
      UnknownFieldSet info = UnknownFieldSet.parseFrom(UnknownFieldSet.parseFrom(end.pluginContent())
          .getField(4).getLengthDelimitedList().get(0));
      ByteString status = ByteString.copyFromUtf8("status " + info.getField(1).getVarintList());
      return new Event(event.wallTime(), event.step(), event.fileVersion(), List.of(new SummaryValue(
          end.tag(), end.simpleValue(), end.pluginName(), status, end.tensor())));
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("undecodable session end", e);
    }
  }

  @Test
  void resumeAfterAKillInMidRecordHoldsEachStepOnceLikeAnUninterruptedRun(@TempDir Path dir) throws Exception {
    List<Event> expected = uninterrupted(dir.resolve("whole"));
    Path run = dir.resolve("killed");
    Path file = killed(run, 12, 7);
    assertThat(EventFileReader.readIntact(file).damage()).get().asString().contains("truncated record");

    List<Event> actual = resumed(run, 9);

    assertThat(withoutWallTimes(actual)).isEqualTo(withoutWallTimes(expected));
    assertThat(EventFileWriter.find(run)).contains(file);
    try (Stream<Path> files = Files.list(run)) {
      assertThat(files).containsExactly(file);
    }
    assertThat(actual.stream().filter(e -> e.hasTag("charts/episodic_return")).map(Event::step))
        .containsExactlyElementsOf(Stream.iterate(0L, s -> s + 1).limit(STEPS).toList());
  }

  @Test
  void keptRecordsAreTheKilledRunsOwnBytesAndTheirTimes(@TempDir Path dir) throws Exception {
    Path run = dir.resolve("killed");
    List<EventRecord> before = EventFileReader.readIntact(killed(run, 12, 1)).records();

    List<Event> after = resumed(run, 9);

    List<Event> kept = before.stream().map(EventRecord::event).filter(e -> e.step() <= 9).toList();
    assertThat(after.subList(0, kept.size())).isEqualTo(kept);
    assertThat(after.get(kept.size()).step()).isEqualTo(10);
    assertThat(after.get(kept.size()).wallTime()).isGreaterThanOrEqualTo(START + 3600);
  }

  @Test
  void resumeOfAFileThatEndedCleanlyDropsTheLaterStepsAndTheSessionEnd(@TempDir Path dir) throws Exception {
    List<Event> expected = uninterrupted(dir.resolve("whole"));
    Path run = dir.resolve("again");
    uninterrupted(run);

    assertThat(withoutWallTimes(resumed(run, 4))).isEqualTo(withoutWallTimes(expected));
  }

  @Test
  void theResumedWriterRefusesStepsTheFileAlreadyHolds(@TempDir Path dir) throws Exception {
    killed(dir, 6, 0);
    try (EventFileWriter writer = EventFileWriter.resume(dir, 6, new TickingClock(START), "host")) {
      assertThatThrownBy(() -> writer.scalar("losses/td_loss", 6, 1.0))
          .hasMessageStartingWith("step 6 is at or before the resumed step 6, which events.out.tfevents.");
      writer.scalar("losses/td_loss", 7, 1.0);
      assertThatThrownBy(() -> writer.hyperParameters(HPARAMS)).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void resumeWithoutAFileStartsOne(@TempDir Path dir) throws Exception {
    try (EventFileWriter writer = EventFileWriter.resume(dir.resolve("new"), 3, new TickingClock(START), "h")) {
      assertThat(writer.hasHyperParameters()).isFalse();
      writer.scalar("charts/SPS", 4, 100).flush();
      assertThat(EventFileReader.read(writer.file())).extracting(Event::step).containsExactly(0L, 4L);
    }
  }

  @Test
  void aFileCutInsideItsHeaderGetsANewHeader(@TempDir Path dir) throws Exception {
    Path file = killed(dir, 0, 0);
    Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 5));
    try (EventFileWriter writer = EventFileWriter.resume(dir, 0, new TickingClock(START), "h")) {
      assertThat(writer.file()).isEqualTo(file);
    }
    assertThat(EventFileReader.read(file)).singleElement().extracting(Event::fileVersion).isEqualTo("brain.Event:2");
  }

  @Test
  void twoEventFilesAreAnError(@TempDir Path dir) throws Exception {
    EventFileWriter.create(dir, new TickingClock(1), "a").close();
    EventFileWriter.create(dir, new TickingClock(2), "a").close();
    assertThatThrownBy(() -> EventFileWriter.resume(dir, 3, new TickingClock(3), "a"))
        .hasMessage(dir + " holds 2 event files, expected at most one: "
            + "[events.out.tfevents.1.a, events.out.tfevents.2.a]");
    assertThatThrownBy(() -> EventFileWriter.resume(dir, -1, new TickingClock(3), "a"))
        .hasMessage("last step -1 is negative");
  }
}
