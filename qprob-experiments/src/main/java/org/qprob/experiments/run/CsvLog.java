package org.qprob.experiments.run;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file written row by row while a run goes on. Rows go to {@code <name>.partial}, flushed after each row so a
 * crash loses at most the row being written; only {@link #complete()} renames the file to its final name, so a file
 * under the final name is always complete.
 */
public final class CsvLog implements Closeable {
  private final Path target;
  private final Path partial;
  private final int columns;
  private final BufferedWriter writer;

  /** Opens {@code target}'s partial file, replacing any left by an earlier attempt, and writes the header. */
  public CsvLog(Path target, List<String> header) {
    this.target = target;
    this.partial = partialOf(target);
    this.columns = header.size();
    try {
      Files.deleteIfExists(target);
      this.writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
      writeLine(header);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + partial + ": " + e.getMessage(), e);
    }
  }

  /** The name a CSV file has while it is being written. */
  public static Path partialOf(Path target) {
    return target.resolveSibling(target.getFileName() + ".partial");
  }

  /** Appends one row and flushes it. */
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

  /** Closes the file and gives it its final name. */
  public synchronized void complete() {
    try {
      writer.close();
      AtomicFiles.moveAtomically(partial, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot complete " + target + ": " + e.getMessage(), e);
    }
  }

  /** Closes the file, leaving it under its partial name if it was not completed. */
  @Override
  public synchronized void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + partial + ": " + e.getMessage(), e);
    }
  }

  private void writeLine(List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      String f = fields.get(i);
      if (f.indexOf(',') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('"') >= 0) {
        throw new IllegalArgumentException("CSV field must not contain a comma, quote or newline: " + f);
      }
      if (i > 0) {
        writer.write(',');
      }
      writer.write(f);
    }
    writer.write('\n');
    writer.flush();
  }
}
