package org.qprob.experiments.run;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A CSV file written row by row while a run goes on. Rows go to {@code <name>.partial}, each written through to the
 * operating system as it is appended, so a killed process loses at most the row being written; only
 * {@link #complete()} renames the file to its final name, so a file under the final name is always complete. A
 * checkpoint records {@link #length()} after {@link #sync()}; {@link #resume} cuts the file back to that length and
 * appends from there.
 */
public final class CsvLog implements Closeable {
  private final Path target;
  private final Path partial;
  private final int columns;
  private final FileChannel channel;

  private CsvLog(Path target, int columns, FileChannel channel) {
    this.target = target;
    this.partial = partialOf(target);
    this.columns = columns;
    this.channel = channel;
  }

  /** Opens {@code target}'s partial file, replacing any left by an earlier attempt, and writes the header. */
  public CsvLog(Path target, List<String> header) {
    this(target, header.size(), open(target));
    try {
      writeLine(header);
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot write " + partial + ": " + e.getMessage(), e);
    }
  }

  private static FileChannel open(Path target) {
    Path partial = partialOf(target);
    try {
      Files.deleteIfExists(target);
      return FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + partial + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reopens {@code target}'s partial file to continue after a checkpoint that recorded {@code length} bytes: the file
   * (or, if the run had already completed it, the file under its final name) must start with {@code header} and hold
   * at least {@code length} bytes; what follows is cut off (rows written after the checkpoint are written again).
   *
   * @throws IOException if the file is missing, shorter, or has another header: the run cannot continue from it
   */
  public static CsvLog resume(Path target, List<String> header, long length) throws IOException {
    Path partial = partialOf(target);
    if (!Files.exists(partial) && Files.isRegularFile(target)) {
      AtomicFiles.moveAtomically(target, partial);
    }
    if (!Files.isRegularFile(partial)) {
      throw new IOException(partial + " is missing");
    }
    byte[] head = (String.join(",", header) + "\n").getBytes(StandardCharsets.UTF_8);
    FileChannel channel = FileChannel.open(partial, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      if (channel.size() < length || length < head.length) {
        throw new IOException(partial + " holds " + channel.size() + " bytes; the checkpoint needs " + length);
      }
      ByteBuffer first = ByteBuffer.allocate(head.length);
      while (first.hasRemaining() && channel.read(first) >= 0) {
        // read the header
      }
      if (!java.util.Arrays.equals(first.array(), head)) {
        throw new IOException(partial + " does not start with the header " + String.join(",", header));
      }
      channel.truncate(length);
      channel.position(length);
      Files.deleteIfExists(target);
      return new CsvLog(target, header.size(), channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The name a CSV file has while it is being written. */
  public static Path partialOf(Path target) {
    return target.resolveSibling(target.getFileName() + ".partial");
  }

  /** Appends one row, written through to the operating system. */
  public synchronized void append(List<String> fields) {
    if (fields.size() != columns) {
      throw new IllegalArgumentException("a row of " + target.getFileName() + " needs " + columns + " fields, got "
          + fields.size());
    }
    try {
      writeLine(fields);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + partial + ": " + e.getMessage(), e);
    }
  }

  /** The bytes written so far, header included. */
  public synchronized long length() {
    try {
      return channel.position();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the position of " + partial + ": " + e.getMessage(), e);
    }
  }

  /** Forces what was written to the disk. */
  public synchronized void sync() {
    try {
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sync " + partial + ": " + e.getMessage(), e);
    }
  }

  /** Forces the file to disk, closes it and gives it its final name. */
  public synchronized void complete() {
    try {
      channel.force(false);
      channel.close();
      AtomicFiles.moveAtomically(partial, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot complete " + target + ": " + e.getMessage(), e);
    }
  }

  /** Closes the file, leaving it under its partial name if it was not completed. */
  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + partial + ": " + e.getMessage(), e);
    }
  }

  private void writeLine(List<String> fields) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      String f = fields.get(i);
      if (f.indexOf(',') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('"') >= 0) {
        throw new IllegalArgumentException("CSV field must not contain a comma, quote or newline: " + f);
      }
      if (i > 0) {
        line.append(',');
      }
      line.append(f);
    }
    line.append('\n');
    ByteBuffer bytes = ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }
}
