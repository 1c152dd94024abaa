package org.qprob.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qprob.experiments.config.ConfigMapper;
import org.qprob.experiments.run.RunFiles;

/**
 * A NaN or infinite loss, gradient or parameter stops that run with the env step in its message, marks it diverged (provenance,
 * console, summary), keeps its files, lets the other runs finish, and a rerun keeps it as it is.
 */
class DivergenceTest {
  @TempDir
  Path dir;

  private static JsonNode provenance(Path run) throws IOException {
    return ConfigMapper.json().readTree(run.resolve(RunFiles.PROVENANCE).toFile());
  }

  private static List<String[]> rows(Path csv) throws IOException {
    return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",")).toList();
  }

  /** Path to (bytes, modification time) of every file under {@code folder}. */
  private static Map<String, String> snapshot(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(p).toString(), java.util.Arrays.hashCode(Files.readAllBytes(p)) + "@"
            + Files.getLastModifiedTime(p).toMillis());
      }
    }
    return files;
  }

  @Test
  void aNanLossStopsThatRunAtItsStepAndTheOthersGoOn() throws IOException {
    // test-nan-loss reports a NaN loss at its update number replay.batchSize = 50, i.e. at env step 50
    Path config = Files.writeString(dir.resolve("nan.yaml"), """
        name: nan
        seeds: [0]
        budget: {envSteps: 300}
        evaluation: {everyEnvSteps: 20, episodes: 1}
        checkpoint: {everyEnvSteps: 30}
        defaults: {agent: {network: {hidden: [8]}}, loss: {name: l2}}
        variants:
          fine: {}
          diverging: {agent: {type: test-nan-loss, replay: {batchSize: 50}}}
        """);
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("run", config.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    Path run = out.resolve("diverging/seed-0");
    List<String[]> episodes = rows(run.resolve(RunFiles.EPISODES));
    int episode = episodes.size() + 1;
    String message = "diverged at env step 50 (episode " + episode + "): loss = NaN";
    assertThat(r.err()).contains("nan diverging/seed-0: DIVERGED: " + message + "; its files are kept in " + run,
        "qprob: 1 of 2 runs diverged");
    JsonNode p = provenance(run);
    assertThat(p.get("status").asText()).isEqualTo("diverged");
    assertThat(p.get("divergedAtEnvStep").asLong()).isEqualTo(50);
    assertThat(p.get("error").asText()).isEqualTo(message);
    assertThat(p.get("envSteps").asLong()).isEqualTo(50);
    // its files are kept: the episodes that ended before step 50, the evaluations at 20 and 40, its last checkpoint
    assertThat(Long.parseLong(episodes.get(episodes.size() - 1)[1])).isLessThan(50);
    assertThat(episodes).hasSizeGreaterThan(2);
    assertThat(rows(run.resolve(RunFiles.EVALUATIONS))).extracting(f -> f[0]).containsExactly("20", "40");
    assertThat(run.resolve(RunFiles.CHECKPOINT)).isRegularFile();
    assertThat(run.resolve(RunFiles.AGENT)).doesNotExist();
    assertThat(run.resolve(RunFiles.ERROR)).doesNotExist();
    assertThat(provenance(out.resolve("fine/seed-0")).get("status").asText()).isEqualTo("finished");
    String md = Files.readString(out.resolve("summary.md"));
    assertThat(md).contains("**1 run(s) diverged and are left out:** diverging/seed-0 (" + message + ")",
        "| diverging | 0 (+1 unfinished, of which 1 diverged) |", "| fine | 1 |");

    // a rerun (run or resume) keeps the diverged run as it is and says so
    Map<String, String> before = snapshot(run);
    Cli.Result again = Cli.run("resume", out.toString());
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.err()).contains("diverging/seed-0: already diverged, kept (" + message + ")",
        "fine/seed-0: already finished, kept");
    assertThat(snapshot(run)).isEqualTo(before);
  }

  @Test
  void aNonFiniteParameterIsCaughtAtTheEndOfItsEpisode() throws IOException {
    // test-nan-parameters keeps a finite loss but reports non-finite parameters from its update 40 (env step 40) on
    Path config = Files.writeString(dir.resolve("params.yaml"), """
        name: params
        seeds: [1]
        budget: {envSteps: 300}
        evaluation: {everyEnvSteps: 0}
        defaults: {agent: {type: test-nan-parameters, replay: {batchSize: 40}}}
        """);
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("run", config.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    Path run = out.resolve("default/seed-1");
    List<String[]> episodes = rows(run.resolve(RunFiles.EPISODES));
    long end = Long.parseLong(episodes.get(episodes.size() - 1)[1]);
    long before = Long.parseLong(episodes.get(episodes.size() - 2)[1]);
    assertThat(before).isLessThan(40);
    assertThat(end).isGreaterThanOrEqualTo(40);
    JsonNode p = provenance(run);
    assertThat(p.get("status").asText()).isEqualTo("diverged");
    assertThat(p.get("divergedAtEnvStep").asLong()).isEqualTo(end);
    assertThat(p.get("error").asText()).isEqualTo("diverged at env step " + end + " (end of episode "
        + episodes.size() + "): a network parameter is NaN or infinite");
  }

  @Test
  void anOverflowingGradientStopsTheRunAtItsStepNamingTheGradient() throws IOException {
    // test-inf-gradient keeps a finite loss and finite parameters but reports an infinite gradient norm at update 30
    Path config = Files.writeString(dir.resolve("gradient.yaml"), """
        name: gradient
        seeds: [2]
        budget: {envSteps: 300}
        evaluation: {everyEnvSteps: 0}
        defaults: {agent: {type: test-inf-gradient, replay: {batchSize: 30}}}
        """);
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("run", config.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    JsonNode p = provenance(out.resolve("default/seed-2"));
    assertThat(p.get("status").asText()).isEqualTo("diverged");
    assertThat(p.get("divergedAtEnvStep").asLong()).isEqualTo(30);
    assertThat(p.get("error").asText()).matches("diverged at env step 30 \\(episode \\d+\\): gradient norm = Infinity"
        + " at loss = 0\\.0333+\\d* \\(the gradient overflowed the network's precision\\)");
  }

  @Test
  void aRealAgentWithAnAbsurdLearningRateDiverges() throws IOException {
    // plain SGD at learning rate 10 on unclipped squared TD errors: the weights blow up within a few hundred steps
    Path config = Files.writeString(dir.resolve("absurd.yaml"), """
        name: absurd
        seeds: [0]
        budget: {envSteps: 2000}
        evaluation: {everyEnvSteps: 0}
        defaults:
          agent:
            gamma: 1.0
            network: {hidden: [32]}
            optimizer: {name: sgd, learningRate: 10}
            target: {source: online-stop}
          loss: {name: l2}
        """);
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("run", config.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    JsonNode p = provenance(out.resolve("default/seed-0"));
    assertThat(p.get("status").asText()).isEqualTo("diverged");
    assertThat(p.get("error").asText()).matches("diverged at env step \\d+ \\(episode \\d+\\): (loss = (NaN|Infinity)"
        + "|gradient norm = (Infinity|NaN) at loss = .+ \\(the gradient overflowed the network's precision\\))");
    assertThat(p.get("divergedAtEnvStep").asLong()).isBetween(65L, 2000L);
  }
}
