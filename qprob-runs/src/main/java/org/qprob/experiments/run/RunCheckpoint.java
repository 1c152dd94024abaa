package org.qprob.experiments.run;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
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
 * @param agent the agent's checkpoint bytes ({@link #read}); empty when read by {@link #readWithoutAgent}, whose
 *     caller restores the agent straight from the file ({@link #restoreAgent})
 */
public record RunCheckpoint(String configHash, boolean trainingDone, TrainingPosition position, long episodesBytes,
    long evaluationsBytes, byte[] agent) {
  private static final long MAGIC = 0x5150524F42434B50L; // "QPROBCKP"
  private static final int VERSION = 2;

  /** What reads an agent's checkpoint bytes from a stream ({@link org.qprob.api.agent.Agent#restore}). */
  @FunctionalInterface
  public interface AgentReader {
    void readFrom(DataInputStream in) throws IOException;
  }

  /** What writes an agent's checkpoint bytes to a stream ({@link org.qprob.api.agent.Agent#checkpoint}). */
  @FunctionalInterface
  public interface AgentBytes {
    void writeTo(DataOutputStream out) throws IOException;
  }

  /** Writes this checkpoint to {@code file} atomically: a temporary file, forced to disk, renamed over it. */
  public void write(Path file) {
    write(file, configHash, trainingDone, position, episodesBytes, evaluationsBytes, out -> out.write(agent));
  }

  /**
   * Writes a checkpoint to {@code file} atomically, the agent's bytes streamed straight into the temporary file: no
   * copy of them is held in memory (a MinAtar agent's replay makes them up to 800 MB). The bytes are those of
   * {@link #write(Path)} for the same content: the agent's length is patched in once it is known, and the CRC-32 is
   * computed by reading the file back before it is appended.
   */
  public static void write(Path file, String configHash, boolean trainingDone, TrainingPosition position,
      long episodesBytes, long evaluationsBytes, AgentBytes agent) {
    Path temp = file.resolveSibling(RunFiles.CHECKPOINT_TEMP);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel),
            1 << 16));
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
        out.flush();
        long lengthAt = channel.position();
        out.writeInt(0); // the agent's length, patched below
        agent.writeTo(out);
        out.flush();
        long end = channel.position();
        long length = end - lengthAt - Integer.BYTES;
        if (length > Integer.MAX_VALUE) {
          throw new IOException("the agent's checkpoint is " + length + " bytes; the format holds at most "
              + Integer.MAX_VALUE + " (expected a smaller agent.replay.capacity)");
        }
        writeFully(channel, ByteBuffer.allocate(Integer.BYTES).putInt(0, (int) length), lengthAt);
        writeFully(channel, ByteBuffer.allocate(Long.BYTES).putLong(0, crc(channel, end, temp)), end);
        channel.force(true);
      }
      AtomicFiles.moveAtomically(temp, file);
      AtomicFiles.syncFolder(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // best effort: the temporary name never looks like a result
      }
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer, long at) throws IOException {
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
  }

  /**
   * Copies the agent's bytes of the checkpoint in {@code file} to {@code target} atomically, file to file (the
   * trained agent, {@code final-agent.ckpt}), after checking the checkpoint as {@link #read} does.
   */
  public static void copyAgent(Path file, Path target) throws IOException {
    Header header = header(file);
    Path temp = AtomicFiles.temporarySibling(target);
    try {
      try (FileChannel from = FileChannel.open(file, StandardOpenOption.READ);
          FileChannel to = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        for (long done = 0; done < header.agentLength(); ) {
          done += from.transferTo(header.agentAt() + done, header.agentLength() - done, to);
        }
        to.force(true);
      }
      AtomicFiles.moveAtomically(temp, target);
      AtomicFiles.syncFolder(target.toAbsolutePath().getParent());
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Reads the checkpoint in {@code file} as {@link #read} does (checksum included) but without the agent's bytes,
   * which a resumed run reads straight from the file instead ({@link #restoreAgent}): no copy of them, as large as the
   * replay buffer, is held in memory while the run goes on.
   *
   * @throws IOException if it is missing, cut short, corrupt, or of another format version
   */
  public static RunCheckpoint readWithoutAgent(Path file) throws IOException {
    header(file);
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 12))) {
      return readFields(in, file);
    } catch (java.io.EOFException | IllegalArgumentException | java.io.UTFDataFormatException e) {
      throw new IOException(file + " is corrupt: " + e.getMessage(), e);
    }
  }

  /**
   * Hands {@code reader} the agent's bytes of the checkpoint in {@code file}, streamed from the file (after checking
   * it as {@link #read} does); the stream ends where the agent's bytes end.
   */
  public static void restoreAgent(Path file, AgentReader reader) throws IOException {
    Header header = header(file);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      InputStream agent = new BufferedInputStream(Channels.newInputStream(channel.position(header.agentAt())), 1 << 16);
      reader.readFrom(new DataInputStream(new FilterInputStream(agent) {
        private long left = header.agentLength();

        @Override
        public int read() throws IOException {
          if (left == 0) {
            return -1;
          }
          int b = super.read();
          left -= b < 0 ? 0 : 1;
          return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          if (left == 0) {
            return len == 0 ? 0 : -1;
          }
          int n = super.read(b, off, (int) Math.min(len, left));
          left -= Math.max(n, 0);
          return n;
        }
      }));
    }
  }

  /** Where a checked checkpoint file holds the agent's bytes. */
  private record Header(long agentAt, int agentLength) {
  }

  /** Checks {@code file} (checksum, magic, version, length) without holding it in memory, and finds the agent. */
  private static Header header(Path file) throws IOException {
    long size = Files.size(file);
    if (size < 8 + 8) {
      throw new IOException(file + " is cut short");
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long crc = crc(channel, size - Long.BYTES, file);
      ByteBuffer stored = ByteBuffer.allocate(Long.BYTES);
      readFully(channel, stored, size - Long.BYTES);
      if (stored.getLong(0) != crc) {
        throw new IOException(file + " is corrupt (checksum mismatch)");
      }
      DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel.position(0))));
      readMagicAndVersion(in, file);
      int hashBytes = in.readUnsignedShort();
      long fields = 1 + 3L * Long.BYTES + Double.BYTES + 2L * Long.BYTES; // done flag, position, log lengths
      in.skipNBytes(hashBytes + fields);
      int length = in.readInt();
      long agentAt = Long.BYTES + Integer.BYTES + 2 + hashBytes + fields + Integer.BYTES;
      if (length < 0 || agentAt + length + Long.BYTES != size) {
        throw new IOException(file + " is corrupt (agent length " + length + ")");
      }
      return new Header(agentAt, length);
    }
  }

  /** The CRC-32 of the first {@code end} bytes of {@code channel} (the file {@code file}), read in 1 MiB pieces. */
  private static long crc(FileChannel channel, long end, Path file) throws IOException {
    CRC32 crc = new CRC32();
    ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
    for (long at = 0; at < end; ) {
      chunk.clear().limit((int) Math.min(chunk.capacity(), end - at));
      int read = channel.read(chunk, at);
      if (read < 0) {
        throw new IOException(file + " is cut short");
      }
      chunk.flip();
      crc.update(chunk);
      at += read;
    }
    return crc.getValue();
  }

  /** Reads everything before the agent's length (magic and version checked), with no agent bytes. */
  private static RunCheckpoint readFields(DataInputStream in, Path file) throws IOException {
    readMagicAndVersion(in, file);
    String hash = in.readUTF();
    boolean done = in.readBoolean();
    TrainingPosition position = new TrainingPosition(in.readLong(), in.readLong(), in.readLong(), in.readDouble());
    return new RunCheckpoint(hash, done, position, in.readLong(), in.readLong(), new byte[0]);
  }

  /** Reads the magic and the format version; one line if either is not this format's. */
  private static void readMagicAndVersion(DataInputStream in, Path file) throws IOException {
    if (in.readLong() != MAGIC) {
      throw new IOException(file + " is not a qprob run checkpoint");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException(file + " has format version " + version + "; expected " + VERSION);
    }
  }

  /** Fills {@code buffer} from {@code channel} at {@code at}. */
  private static void readFully(FileChannel channel, ByteBuffer buffer, long at) throws IOException {
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw new IOException("the file ended early");
      }
      at += n;
    }
  }

  /**
   * Reads the checkpoint in {@code file}.
   *
   * @throws IOException if it is missing, cut short, corrupt, or of another format version
   */
  public static RunCheckpoint read(Path file) throws IOException {
    long size = Files.size(file);
    if (size < 8 + 8) {
      throw new IOException(file + " is cut short");
    }
    CRC32 crc = new CRC32();
    // streamed: the agent's bytes are the only copy held (no whole-file array beside them)
    try (DataInputStream in = new DataInputStream(new CheckedInputStream(
        new BufferedInputStream(Files.newInputStream(file), 1 << 16), crc))) {
      RunCheckpoint fields = readFields(in, file);
      int n = in.readInt();
      if (n < 0 || n > size) {
        throw new IOException(file + " is corrupt (agent length " + n + ")");
      }
      byte[] agent = in.readNBytes(n);
      long computed = crc.getValue();
      if (agent.length != n) {
        throw new IOException(file + " is cut short");
      }
      long stored = in.readLong();
      if (stored != computed || in.read() != -1) {
        throw new IOException(file + " is corrupt (checksum mismatch)");
      }
      return new RunCheckpoint(fields.configHash(), fields.trainingDone(), fields.position(), fields.episodesBytes(),
          fields.evaluationsBytes(), agent);
    } catch (java.io.EOFException | IllegalArgumentException | java.io.UTFDataFormatException e) {
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
