package org.qprob.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped configs give the numbers they gave before: seed 0 of every variant, run for 3,000 env steps, writes the
 * same {@code episodes.csv} (every column but the wall clock) as the record in {@code src/test/resources/regression}
 * (its README says which commit wrote it and how).
 */
class ShippedConfigsRegressionTest {
  static final Path RECORD = Path.of("src", "test", "resources", "regression");

  @TempDir
  Path out;

  static Stream<String> recordedConfigs() throws IOException {
    try (Stream<Path> s = Files.list(RECORD)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @Test
  void everyRecordedConfigIsShipped() throws IOException {
    for (String name : recordedConfigs().toList()) {
      assertThat(ShippedConfigsTest.CONFIGS.resolve(name + ".yaml")).isRegularFile();
    }
  }

  /**
   * The OpenBLAS kernel choice as {@code blas.txt} records it: the kernel {@code OPENBLAS_CORETYPE} forces (the same
   * code, so the same sums, on any CPU that runs it; the build sets it for every test JVM), or, when it is unset, the
   * CPU model, from which OpenBLAS picks one itself.
   */
  static String blasKernel() throws IOException {
    String coretype = System.getenv("OPENBLAS_CORETYPE");
    if (coretype != null && !coretype.isBlank()) {
      return "OPENBLAS_CORETYPE=" + coretype;
    }
    Path cpuinfo = Path.of("/proc/cpuinfo");
    String model = (Files.isReadable(cpuinfo) ? Files.readAllLines(cpuinfo) : List.<String>of()).stream()
        .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceFirst("^model name\\s*:\\s*", ""))
        .orElse("unknown");
    return "OPENBLAS_CORETYPE=unset cpu=" + model;
  }

  @ParameterizedTest
  @MethodSource("recordedConfigs")
  void episodesAreBitIdenticalToTheRecord(String name) throws IOException {
    String recordedKernel = Files.readString(RECORD.resolve("blas.txt")).strip();
    assumeTrue(recordedKernel.equals(blasKernel()), "the record was made with " + recordedKernel + ", this JVM has "
        + blasKernel() + "; float sums differ between OpenBLAS kernels (see the record's README)");
    Path config = ShippedConfigsTest.CONFIGS.resolve(name + ".yaml");
    Cli.Result r = Cli.run("run", config.toString(), "--out", out.toString(), "--jobs", "2",
        "--set=budget.envSteps=3000", "--set=seeds=1");
    assertThat(r.code()).as(r.err()).isZero();
    Path recorded = RECORD.resolve(name);
    List<Path> files;
    try (Stream<Path> s = Files.walk(recorded)) {
      files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      String relative = recorded.relativize(file).toString();
      String variant = relative.substring(0, relative.length() - ".csv".length());
      Path episodes = out.resolve(variant).resolve("seed-0").resolve("episodes.csv");
      assertThat(withoutLastColumn(episodes)).as("%s %s", name, variant).isEqualTo(Files.readAllLines(file));
    }
  }

  /** The lines of a CSV without their last field (wall-clock seconds). */
  static List<String> withoutLastColumn(Path csv) throws IOException {
    return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
  }
}
