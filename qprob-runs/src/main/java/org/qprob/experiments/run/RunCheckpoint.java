package org.qprob.experiments.run;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32;
import org.qprob.api.run.TrainingPosition;

/**
 * What a run saves to continue exactly, in {@code checkpoint.bin}: taken at an episode boundary, so it is the agent's
 * own checkpoint ({@link org.qprob.api.agent.Agent#checkpoint}: network and target-network parameters, optimizer
 * state, replay contents and position, every generator's state, schedules, counters), the loop's
 * {@link TrainingPosition} (episodes, env steps, gradient steps, wall seconds; the next episode's reset seed and the next evaluation
 * follow from these), and the byte lengths of {@code episodes.csv.partial} and {@code eval.csv.partial} at that
 * moment. {@code trainingDone} marks the checkpoint taken when training ended (after the last evaluation).
 *
 * <p>File layout (big-endian): magic {@code "QPROBCKP"}, format version, the SHA-256 of the run's
 * {@code config.yaml}, the done flag, the position, the two CSV lengths, the agent's bytes (length-prefixed), and a
 * CRC-32 of everything before it. Written to {@code checkpoint.tmp}, forced to disk, then renamed over
 * {@code checkpoint.bin}, so the previous checkpoint stays whole until the new one is complete.
 *
 * @param configHash the SHA-256 (hex) of the run's {@code config.yaml} text
 * @param trainingDone whether training had ended (the final checkpoint)
 * @param position where the loop stood
 * @param episodesBytes the length of the episode log at that moment
 * @param evaluationsBytes the length of the evaluation log at that moment
 * @param agent the agent's checkpoint bytes
 */
public record RunCheckpoint(String configHash, boolean trainingDone, TrainingPosition position, long episodesBytes,
    long evaluationsBytes, byte[] agent) {
  private static final long MAGIC = 0x5150524F42434B50L; // "QPROBCKP"
  private static final int VERSION = 2;

  /** Writes this checkpoint to {@code file} atomically: a temporary file, forced to disk, renamed over it. */
  public void write(Path file) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(agent.length + 256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(configHash);
      out.writeBoolean(trainingDone);
      out.writeLong(position.episodes());
      out.writeLong(position.envSteps());
      out.writeLong(position.gradientSteps());
      out.writeDouble(position.wallSeconds());
      out.writeLong(episodesBytes);
      out.writeLong(evaluationsBytes);
      out.writeInt(agent.length);
      out.write(agent);
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.writeLong(crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicFiles.write(file, bytes.toByteArray(), file.resolveSibling(RunFiles.CHECKPOINT_TEMP));
  }

  /**
   * Reads the checkpoint in {@code file}.
   *
   * @throws IOException if it is missing, cut short, corrupt, or of another format version
   */
  public static RunCheckpoint read(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    if (all.length < 8 + 8) {
      throw new IOException(file + " is cut short");
    }
    CRC32 crc = new CRC32();
    crc.update(all, 0, all.length - 8);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all))) {
      if (in.readLong() != MAGIC) {
        throw new IOException(file + " is not a qprob run checkpoint");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException(file + " has format version " + version + "; expected " + VERSION);
      }
      String hash = in.readUTF();
      boolean done = in.readBoolean();
      TrainingPosition position = new TrainingPosition(in.readLong(), in.readLong(), in.readLong(), in.readDouble());
      long episodes = in.readLong();
      long evaluations = in.readLong();
      int n = in.readInt();
      if (n < 0 || n > all.length) {
        throw new IOException(file + " is corrupt (agent length " + n + ")");
      }
      byte[] agent = in.readNBytes(n);
      long stored = in.readLong();
      if (agent.length != n || stored != crc.getValue()) {
        throw new IOException(file + " is corrupt (checksum mismatch)");
      }
      return new RunCheckpoint(hash, done, position, episodes, evaluations, agent);
    } catch (java.io.EOFException | IllegalArgumentException e) {
      throw new IOException(file + " is corrupt: " + e.getMessage(), e);
    }
  }

  /** The SHA-256 of {@code text}, hex. */
  public static String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
          StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunCheckpoint c && configHash.equals(c.configHash) && trainingDone == c.trainingDone
        && position.equals(c.position) && episodesBytes == c.episodesBytes && evaluationsBytes == c.evaluationsBytes
        && Arrays.equals(agent, c.agent);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(agent) * 31 + position.hashCode();
  }

  @Override
  public String toString() {
    return "RunCheckpoint(" + position + ", done=" + trainingDone + ", episodes.csv " + episodesBytes
        + " bytes, eval.csv " + evaluationsBytes + " bytes, agent " + agent.length + " bytes)";
  }
}
