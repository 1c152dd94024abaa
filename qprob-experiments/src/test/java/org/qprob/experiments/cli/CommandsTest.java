package org.qprob.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify-env and gumbel-regression through the command line. */
class CommandsTest {
  @TempDir
  Path dir;

  static Path golden(String file) {
    String shared = System.getProperty("qprob.shared");
    Path root = shared != null ? Path.of(shared) : Path.of("..", "..", "shared");
    return root.resolve("golden").resolve(file);
  }

  @Test
  void verifyEnvPassesOnGymnasiumTracesAndFailsOnATamperedOne() throws IOException {
    Path cartPole = golden("CartPole-v1.jsonl");
    Path frozenLake = golden("FrozenLake-v1.jsonl");
    Cli.Result ok = Cli.run("verify-env", cartPole.toString(), frozenLake.toString());
    assertThat(ok.code()).as(ok.out() + ok.err()).isZero();
    List<String> lines = ok.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("PASS CartPole-v1.jsonl CartPole-v1: 10 episodes");
    assertThat(lines.get(1)).startsWith("PASS FrozenLake-v1.jsonl FrozenLake-v1");

    // flip the first recorded reward of the first episode
    List<String> records = Files.readAllLines(cartPole);
    String first = records.get(0).replaceFirst("\"reward\":1\\.0", "\"reward\":2.0");
    assertThat(first).isNotEqualTo(records.get(0));
    Path tampered = dir.resolve("tampered.jsonl");
    Files.write(tampered, List.of(first));
    Cli.Result bad = Cli.run("verify-env", cartPole.toString(), tampered.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.out().lines().toList()).hasSize(2);
    assertThat(bad.out().lines().toList().get(1)).startsWith("FAIL tampered.jsonl").contains("reward 1");

    Path malformed = Files.writeString(dir.resolve("malformed.jsonl"), "{not json\n");
    Cli.Result m = Cli.run("verify-env", malformed.toString());
    assertThat(m.code()).isEqualTo(2);
    assertThat(m.errLines()).singleElement().asString().contains("malformed.jsonl:1: malformed trace record");
  }

  @Test
  void gumbelRegressionPrintsTheTableAndWritesCsvAndPlot() throws IOException {
    Path out = dir.resolve("gr");
    Cli.Result r = Cli.run("gumbel-regression", "--out", out.toString(), "--beta", "1,4", "--samples", "2000");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("gumbel-reg h", "l2 h");
    List<String> csv = Files.readAllLines(out.resolve("gumbel-regression.csv"));
    assertThat(csv).hasSize(3);
    for (String row : csv.subList(1, 3)) {
      String[] f = row.split(",");
      double sampleSoftMax = Double.parseDouble(f[2]);
      double fit = Double.parseDouble(f[3]);
      double l2 = Double.parseDouble(f[4]);
      double mean = Double.parseDouble(f[5]);
      assertThat(Math.abs(fit - sampleSoftMax)).isLessThan(1e-8);
      assertThat(Math.abs(l2 - mean)).isLessThan(1e-9);
    }
    assertThat(out.resolve("gumbel-regression.png")).isRegularFile();
    Cli.Result bad = Cli.run("gumbel-regression", "--out", out.toString(), "--beta", "-1");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.errLines()).singleElement().asString().contains("--beta -1.0 is invalid");
  }
}
