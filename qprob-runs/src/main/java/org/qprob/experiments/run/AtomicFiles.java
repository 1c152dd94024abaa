package org.qprob.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Whole-file writes that never leave a half-written file under the final name: the bytes go to a temporary file in
 * the same folder, are forced to disk, and the temporary file is renamed over the target atomically.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code text} as UTF-8 to {@code target} atomically. */
  public static void writeString(Path target, String text) {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes} to {@code target} atomically. */
  public static void write(Path target, byte[] bytes) {
    write(target, bytes, temporarySibling(target));
  }

  /**
   * Writes {@code bytes} to {@code target} atomically through the temporary file {@code temp} (in the same folder):
   * the target keeps its old content until the new one is complete on disk. The folder is forced to disk after the
   * rename where the file system allows it.
   */
  public static void write(Path target, byte[] bytes, Path temp) {
    try {
      try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.WRITE)) {
        var buffer = java.nio.ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      moveAtomically(temp, target);
      syncFolder(target.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // best effort: the temporary name never looks like a result
      }
    }
  }

  /** Renames {@code from} to {@code to}, replacing it, atomically where the file system can. */
  public static void moveAtomically(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Forces a folder's entries (a rename) to disk; a file system that cannot is left alone. */
  static void syncFolder(Path folder) {
    try (var channel = java.nio.channels.FileChannel.open(folder, java.nio.file.StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // not every platform can open a folder; the rename itself is still atomic
    }
  }

  /** A name beside {@code target} that no result file has: {@code .<name>.tmp}. */
  static Path temporarySibling(Path target) {
    return target.resolveSibling("." + target.getFileName() + ".tmp");
  }
}
