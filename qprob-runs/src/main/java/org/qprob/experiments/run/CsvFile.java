package org.qprob.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Reads the simple CSV files {@link CsvLog} writes: a header, then comma-separated rows without quoting. */
public final class CsvFile {
  private CsvFile() {}

  /**
   * Reads {@code file}, checks its header is {@code columns}, and parses each row. A last line cut short (a crash
   * while writing it) is dropped; any other malformed row fails naming the file and line.
   */
  public static <T> List<T> read(Path file, List<String> columns, Function<List<String>, T> parser) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty() || !Arrays.asList(lines.get(0).split(",", -1)).equals(columns)) {
      throw new IllegalArgumentException(file + ": header is not " + String.join(",", columns));
    }
    List<T> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> fields = Arrays.asList(lines.get(i).split(",", -1));
      boolean last = i == lines.size() - 1;
      if (fields.size() != columns.size()) {
        if (last) {
          break;
        }
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected " + columns.size()
            + " fields, got " + fields.size());
      }
      try {
        rows.add(parser.apply(fields));
      } catch (NumberFormatException e) {
        if (last) {
          break;
        }
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }
}
