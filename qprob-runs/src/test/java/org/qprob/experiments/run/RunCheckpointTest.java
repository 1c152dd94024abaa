package org.qprob.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qprob.api.run.TrainingPosition;

/** The checkpoint file round-trips, refuses damaged copies, and the logs are cut back to a checkpoint's lengths. */
class RunCheckpointTest {
  @TempDir
  Path dir;

  private static RunCheckpoint sample(boolean done) {
    byte[] agent = new byte[10_000];
    new SplittableRandom(5).nextBytes(agent);
    return new RunCheckpoint(RunCheckpoint.hash("config"), done, new TrainingPosition(12, 345, 280, 6.5), 789, 101, agent);
  }

  @Test
  void aCheckpointRoundTripsAndReplacesTheOldOneWhole() throws IOException {
    Path file = dir.resolve(RunFiles.CHECKPOINT);
    sample(false).write(file);
    assertThat(RunCheckpoint.read(file)).isEqualTo(sample(false));
    sample(true).write(file);
    assertThat(RunCheckpoint.read(file)).isEqualTo(sample(true)).isNotEqualTo(sample(false));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(RunFiles.CHECKPOINT);
    }
  }

  /** The file layout of the class comment, built here by hand: magic, version, ..., agent, CRC-32 of all before. */
  private static byte[] layout(RunCheckpoint c) throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.DataOutputStream(bytes)) {
      out.writeLong(0x5150524F42434B50L);
      out.writeInt(2);
      out.writeUTF(c.configHash());
      out.writeBoolean(c.trainingDone());
      out.writeLong(c.position().episodes());
      out.writeLong(c.position().envSteps());
      out.writeLong(c.position().gradientSteps());
      out.writeDouble(c.position().wallSeconds());
      out.writeLong(c.episodesBytes());
      out.writeLong(c.evaluationsBytes());
      out.writeInt(c.agent().length);
      out.write(c.agent());
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(bytes.toByteArray());
      out.writeLong(crc.getValue());
    }
    return bytes.toByteArray();
  }

  @Test
  void theAgentIsStreamedIntoTheFileWithTheDocumentedLayout() throws IOException {
    Path file = dir.resolve(RunFiles.CHECKPOINT);
    RunCheckpoint c = sample(true);
    // the agent writes in pieces, as an agent's checkpoint does, and more than one buffer's worth
    byte[] big = new byte[300_000];
    new SplittableRandom(9).nextBytes(big);
    RunCheckpoint large = new RunCheckpoint(c.configHash(), true, c.position(), 5, 6, big);
    RunCheckpoint.write(file, large.configHash(), true, large.position(), 5, 6, out -> {
      for (int at = 0; at < big.length; at += 7_001) {
        out.write(big, at, Math.min(7_001, big.length - at));
      }
    });
    assertThat(Files.readAllBytes(file)).isEqualTo(layout(large));
    assertThat(RunCheckpoint.read(file)).isEqualTo(large);
    c.write(file);
    assertThat(Files.readAllBytes(file)).isEqualTo(layout(c));

    Path agent = dir.resolve("final-agent.ckpt");
    RunCheckpoint.copyAgent(file, agent);
    assertThat(Files.readAllBytes(agent)).isEqualTo(c.agent());
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly(RunFiles.CHECKPOINT, "final-agent.ckpt");
    }
    byte[] bad = Files.readAllBytes(file);
    bad[bad.length / 2] ^= 1;
    Files.write(file, bad);
    assertThatThrownBy(() -> RunCheckpoint.copyAgent(file, agent)).isInstanceOf(IOException.class)
        .hasMessageContaining("checksum mismatch");
    assertThat(Files.readAllBytes(agent)).as("left as it was").isEqualTo(c.agent());
  }

  @Test
  void anAgentThatFailsToWriteLeavesTheLastCheckpointWhole() throws IOException {
    Path file = dir.resolve(RunFiles.CHECKPOINT);
    sample(false).write(file);
    assertThatThrownBy(() -> RunCheckpoint.write(file, "h", true, new TrainingPosition(1, 2, 3, 4), 0, 0, out -> {
      out.write(new byte[100]);
      throw new IOException("disk full");
    })).hasMessageContaining("disk full");
    assertThat(RunCheckpoint.read(file)).isEqualTo(sample(false));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(RunFiles.CHECKPOINT);
    }
  }

  /**
   * A resumed run reads the checkpoint's fields without the agent's bytes, and then the agent from the file: exactly
   * its bytes, the stream ending where they end (not at the checksum after them).
   */
  @Test
  void theAgentIsRestoredStraightFromTheFile() throws IOException {
    Path file = dir.resolve(RunFiles.CHECKPOINT);
    RunCheckpoint c = sample(true);
    c.write(file);
    RunCheckpoint fields = RunCheckpoint.readWithoutAgent(file);
    assertThat(fields.agent()).isEmpty();
    assertThat(new RunCheckpoint(fields.configHash(), fields.trainingDone(), fields.position(), fields.episodesBytes(),
        fields.evaluationsBytes(), c.agent())).isEqualTo(c);
    byte[][] restored = new byte[1][];
    RunCheckpoint.restoreAgent(file, in -> {
      restored[0] = in.readNBytes(4_000); // a reader that takes its bytes in pieces, then reads to the end
      restored[0] = java.util.Arrays.copyOf(restored[0], c.agent().length);
      in.readFully(restored[0], 4_000, c.agent().length - 4_000);
      assertThat(in.read()).as("past the agent's bytes").isEqualTo(-1);
    });
    assertThat(restored[0]).isEqualTo(c.agent());
  }

  @Test
  void everyDamagedCopyIsRefused() throws IOException {
    Path file = dir.resolve(RunFiles.CHECKPOINT);
    sample(false).write(file);
    byte[] good = Files.readAllBytes(file);
    SplittableRandom rng = new SplittableRandom(11);
    for (int trial = 0; trial < 50; trial++) {
      byte[] bad = good.clone();
      int at = rng.nextInt(bad.length);
      bad[at] ^= (byte) (1 + rng.nextInt(255));
      Files.write(file, bad);
      assertThatThrownBy(() -> RunCheckpoint.read(file)).as("byte %d changed", at).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> RunCheckpoint.readWithoutAgent(file)).as("byte %d changed", at)
          .isInstanceOf(IOException.class);
      assertThatThrownBy(() -> RunCheckpoint.restoreAgent(file, in -> in.readAllBytes())).as("byte %d changed", at)
          .isInstanceOf(IOException.class);
    }
    for (int length : new int[] {0, 7, 20, good.length / 2, good.length - 1}) {
      Files.write(file, java.util.Arrays.copyOf(good, length));
      assertThatThrownBy(() -> RunCheckpoint.read(file)).as("cut to %d bytes", length).isInstanceOf(IOException.class);
    }
  }

  @Test
  void aLogResumesAtTheCheckpointsLengthAndOnlyFromItsOwnFile() throws IOException {
    Path target = dir.resolve("episodes.csv");
    List<String> header = List.of("a", "b");
    long length;
    try (CsvLog log = new CsvLog(target, header)) {
      log.append(List.of("1", "2"));
      log.sync();
      length = log.length();
      log.append(List.of("3", "4"));
    }
    Files.writeString(CsvLog.partialOf(target), Files.readString(CsvLog.partialOf(target)) + "5,");
    try (CsvLog log = CsvLog.resume(target, header, length)) {
      log.append(List.of("6", "7"));
      log.complete();
    }
    assertThat(Files.readAllLines(target)).containsExactly("a,b", "1,2", "6,7");
    assertThat(CsvLog.partialOf(target)).doesNotExist();

    // killed after completing: the file under its final name is taken back
    try (CsvLog log = CsvLog.resume(target, header, length)) {
      log.complete();
    }
    assertThat(Files.readAllLines(target)).containsExactly("a,b", "1,2");

    assertThatThrownBy(() -> CsvLog.resume(target, header, 1_000)).hasMessageContaining("the checkpoint needs 1000");
    assertThatThrownBy(() -> CsvLog.resume(target, List.of("x", "y"), length))
        .hasMessageContaining("does not start with the header x,y");
    assertThatThrownBy(() -> CsvLog.resume(dir.resolve("none.csv"), header, length)).hasMessageContaining("missing");
  }
}
