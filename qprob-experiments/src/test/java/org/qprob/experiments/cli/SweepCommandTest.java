package org.qprob.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qprob run} on a config with a sweep: the dry run lists it, validation covers it, the summary ranks it. */
class SweepCommandTest {
  private static final String CONFIG = """
      name: tiny-sweep
      env: {id: CartPole-v1}
      seeds: [1, 2]
      budget: {envSteps: 300}
      evaluation: {everyEnvSteps: 0}
      checkpoint: {everyEnvSteps: 100}
      defaults:
        agent:
          network: {hidden: [8]}
          replay: {learningStarts: 64}
      sweep:
        grid:
          defaults.agent.optimizer.learningRate: [1.0e-3, 1.0e-2]
      """;

  @TempDir
  Path dir;

  @Test
  void theDryRunListsTheExpandedVariants() throws IOException {
    Path config = Files.writeString(dir.resolve("s.yaml"), CONFIG);
    Cli.Result r = Cli.run("run", config.toString(), "--dry-run", "--out", dir.resolve("out").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("tiny-sweep: 2 variant(s) x 2 seed(s)", "  learningRate-0.001\n",
        "  learningRate-0.01\n", "tiny-sweep learningRate-0.01/seed-2 -> ");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void everyExpandedVariantIsValidatedBeforeAnythingStarts() throws IOException {
    Path config = Files.writeString(dir.resolve("s.yaml"), CONFIG
        + "    defaults.loss.name: [l2, no-such-loss]\n");
    Cli.Result r = Cli.run("run", config.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("variants.learningRate-0.001_name-no-such-loss.loss.name = \"no-such-loss\" is"
        + " invalid; expected one of [");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void anUnknownEngineFailsListingTheKnownOnes() throws IOException {
    Path config = Files.writeString(dir.resolve("s.yaml"), CONFIG);
    Cli.Result r = Cli.run("run", config.toString(), "--engine", "hadoop");
    assertThat(r.code()).isNotZero();
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("--engine hadoop is invalid; expected one of [threads");
    Cli.Result m = Cli.run("run", config.toString(), "--master", "local[2]");
    assertThat(m.code()).isNotZero();
    assertThat(m.err()).contains("--master local[2] is invalid with --engine threads");
  }

  @Test
  void theSummaryRanksTheSweep() throws IOException {
    Path config = Files.writeString(dir.resolve("s.yaml"), CONFIG);
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("run", config.toString(), "--out", out.toString(), "--jobs", "2");
    assertThat(r.code()).as(r.err()).isZero();
    String summary = Files.readString(out.resolve("summary.md"));
    assertThat(summary).contains("## Ranking by final training return (last 50 ep.)", "| 1 | learningRate-",
        "| 2 | learningRate-", "These seeds resolve learningRate-");
    assertThat(Files.readString(out.resolve("experiment.yaml"))).contains("rankBy: final-return")
        .doesNotContain("grid:");
    Cli.Result again = Cli.run("resume", out.toString());
    assertThat(again.code()).as(again.err()).isZero();
  }
}
