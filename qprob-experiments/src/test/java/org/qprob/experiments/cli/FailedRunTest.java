package org.qprob.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that crashes leaves no complete-looking file, is reported, and does not stop the others. */
class FailedRunTest {
  @TempDir
  Path dir;

  @Test
  void aCrashedRunIsFlaggedAndTheOthersFinish() throws IOException {
    Path config = Files.writeString(dir.resolve("crash.yaml"), """
        name: crash
        seeds: [0]
        budget: {envSteps: 300}
        evaluation: {everyEnvSteps: 100, episodes: 1}
        defaults: {agent: {network: {hidden: [8]}}, loss: {name: l2}}
        variants:
          fine: {}
          crashing: {agent: {type: test-failing}}
        """);
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("run", config.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("crash crashing/seed-0: FAILED: IllegalStateException: boom at update 150",
        "qprob: 1 of 2 runs failed");

    Path crashed = out.resolve("crashing/seed-0");
    assertThat(crashed.resolve("episodes.csv")).doesNotExist();
    assertThat(crashed.resolve("eval.csv")).doesNotExist();
    assertThat(crashed.resolve("episodes.csv.partial")).isRegularFile();
    assertThat(Files.readAllLines(crashed.resolve("eval.csv.partial"))).as("the evaluation at 100 steps")
        .hasSize(2);
    assertThat(crashed.resolve("final-agent.ckpt")).doesNotExist();
    assertThat(Files.readString(crashed.resolve("provenance.json"))).contains("\"status\" : \"failed\"",
        "boom at update 150");
    assertThat(Files.readString(crashed.resolve("error.txt"))).contains("IllegalStateException: boom at update 150",
        "FailingAgentFactory");

    assertThat(out.resolve("fine/seed-0/episodes.csv")).isRegularFile();
    String md = Files.readString(out.resolve("summary.md"));
    assertThat(md).contains("1 run(s) did not finish and are left out:** crashing/seed-0 (failed).",
        "| fine | 1 |", "| crashing | 0 (+1 unfinished) | –");
  }
}
