package org.qprob.experiments.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Which code produced a result: qprob's version and, when it runs from a git checkout, the commit and whether the
 * working tree had uncommitted changes.
 *
 * @param version qprob's version from its jar manifest, or {@code unknown} when run from classes
 * @param gitCommit the checked-out commit, or {@code unknown}
 * @param gitDirty whether tracked files differ from that commit; null when it could not be told
 */
public record CodeVersion(String version, String gitCommit, Boolean gitDirty) {

  /**
   * Looks for the checkout at {@code $QPROB_HOME} (set by the launcher), else upward from the working folder. Reads
   * {@code .git} itself for the commit and asks {@code git status} (read-only) whether the tree is dirty.
   */
  public static CodeVersion detect() {
    String version = CodeVersion.class.getPackage().getImplementationVersion();
    String home = System.getenv("QPROB_HOME");
    Path start = Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.dir")).toAbsolutePath();
    Path root = findCheckout(start);
    String commit = root == null ? "unknown" : readCommit(root.resolve(".git"));
    Boolean dirty = root == null ? null : dirty(root);
    return new CodeVersion(version == null ? "unknown" : version, commit, dirty);
  }

  private static Path findCheckout(Path start) {
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve(".git"))) {
        return p;
      }
    }
    return null;
  }

  /** The commit HEAD points at, following one symbolic ref through loose or packed refs. */
  static String readCommit(Path gitDir) {
    try {
      String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).strip();
      if (!head.startsWith("ref: ")) {
        return head;
      }
      String ref = head.substring(5).strip();
      Path loose = gitDir.resolve(ref);
      if (Files.isRegularFile(loose)) {
        return Files.readString(loose, StandardCharsets.UTF_8).strip();
      }
      Path packed = gitDir.resolve("packed-refs");
      if (Files.isRegularFile(packed)) {
        for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
          if (line.endsWith(" " + ref)) {
            return line.substring(0, line.indexOf(' '));
          }
        }
      }
      return "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static Boolean dirty(Path root) {
    try {
      Process p = new ProcessBuilder(List.of("git", "-C", root.toString(), "status", "--porcelain",
          "--untracked-files=no")).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroy();
        return null;
      }
      return out.length > 0;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
