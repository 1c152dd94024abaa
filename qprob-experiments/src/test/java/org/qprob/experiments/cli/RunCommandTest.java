package org.qprob.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qprob.experiments.config.ConfigMapper;
import org.qprob.experiments.config.ConfigReader;
import org.qprob.experiments.config.ExperimentConfig;
import org.qprob.experiments.run.RunSpec;

/** {@code qprob run} end to end on tiny budgets: determinism, resuming, the files a run leaves. */
class RunCommandTest {
  private static final String CONFIG = """
      name: tiny
      env: {id: CartPole-v1}
      seeds: [7]
      budget: {envSteps: 400}
      evaluation: {everyEnvSteps: 200, episodes: 2}
      defaults:
        agent:
          network: {hidden: [16, 16]}
          replay: {learningStarts: 64}
          exploration: {kind: epsilon-greedy, start: 1.0, end: 0.1, schedule: linear, unit: step, decaySteps: 300}
      variants:
        l2: {loss: {name: l2}}
        gumbel-kl:
          loss: {name: gumbel-kl}
          agent: {target: {source: online-grad}, optimizer: {gradClipNorm: 1.0}}
      """;

  @TempDir
  Path dir;

  private Path config() throws IOException {
    return Files.writeString(dir.resolve("tiny.yaml"), CONFIG);
  }

  /** The CSV without its last column (wall-clock seconds). */
  private static List<String> withoutWallClock(Path csv) throws IOException {
    return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
  }

  @Test
  void theSameSeedGivesTheSameRunsWhicheverThreadRunsThem() throws IOException {
    Path config = config();
    Cli.Result first = Cli.run("run", config.toString(), "--out", dir.resolve("a").toString(), "--jobs", "1");
    assertThat(first.code()).as(first.err()).isZero();
    Cli.Result second = Cli.run("run", config.toString(), "--out", dir.resolve("b").toString(), "--jobs", "2");
    assertThat(second.code()).as(second.err()).isZero();
    for (String variant : List.of("l2", "gumbel-kl")) {
      Path a = dir.resolve("a").resolve(variant).resolve("seed-7");
      Path b = dir.resolve("b").resolve(variant).resolve("seed-7");
      List<String> episodes = withoutWallClock(a.resolve("episodes.csv"));
      assertThat(episodes.size()).as("several episodes").isGreaterThan(5);
      assertThat(episodes.get(episodes.size() - 1)).as("updates happened").doesNotContain(",NaN,NaN");
      assertThat(withoutWallClock(b.resolve("episodes.csv"))).isEqualTo(episodes);
      assertThat(withoutWallClock(b.resolve("eval.csv"))).isEqualTo(withoutWallClock(a.resolve("eval.csv")));
      assertThat(Files.readAllBytes(b.resolve("final-agent.ckpt"))).isEqualTo(Files.readAllBytes(a.resolve(
          "final-agent.ckpt")));
    }
    // gumbel-kl logs its predicted beta, l2 has none
    assertThat(Files.readAllLines(dir.resolve("a/gumbel-kl/seed-7/episodes.csv")).get(20)).doesNotContain("NaN");
    assertThat(Files.readAllLines(dir.resolve("a/l2/seed-7/episodes.csv")).get(20)).contains(",NaN,");
  }

  @Test
  void aRunFolderHoldsItsConfigProvenanceAndCompleteFiles() throws IOException {
    Path config = config();
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("run", config.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote " + out.resolve("summary.md"));
    Path run = out.resolve("l2/seed-7");
    try (var files = Files.list(run)) {
      // episode-tally.txt: the example plugin's observer, on the tests' class path
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("calibration.csv",
          "checkpoint.bin", "config.yaml", "episode-tally.txt", "episodes.csv", "eval.csv", "final-agent.ckpt",
          "provenance.json", "tensorboard");
    }
    RunSpec spec = ConfigMapper.strictYaml().readValue(run.resolve("config.yaml").toFile(), RunSpec.class);
    assertThat(spec.seed()).isEqualTo(7);
    assertThat(spec.variant()).isEqualTo("l2");
    assertThat(spec.config().agent().network().hidden()).containsExactly(16, 16);
    var provenance = new ObjectMapper().readTree(run.resolve("provenance.json").toFile());
    assertThat(provenance.get("status").asText()).isEqualTo("finished");
    assertThat(provenance.get("seed").asLong()).isEqualTo(7);
    assertThat(provenance.get("envSteps").asLong()).isEqualTo(400);
    assertThat(provenance.get("gradientSteps").asLong()).as("one per env step after 64").isEqualTo(400 - 64);
    assertThat(provenance.get("endTime").asText()).isGreaterThanOrEqualTo(provenance.get("startTime").asText());
    assertThat(provenance.at("/platform/java/version").asText()).isEqualTo(System.getProperty("java.version"));
    assertThat(provenance.at("/platform/libraries/org.deeplearning4j:deeplearning4j-nn").asText())
        .isEqualTo("1.0.0-M2.1");
    String coreType = System.getenv("OPENBLAS_CORETYPE");
    assertThat(provenance.at("/platform/blas/coreType").asText()).isEqualTo(coreType == null ? "unset" : coreType);
    assertThat(provenance.at("/platform/blas/simd").asText()).isIn("avx512", "avx2", "other", "unknown");
    assertThat(provenance.at("/code/gitCommit").asText()).isNotEmpty();
    // the step budget ends inside an episode: the last logged episode ends at or before 400 steps
    List<String> episodes = Files.readAllLines(run.resolve("episodes.csv"));
    assertThat(Long.parseLong(episodes.get(episodes.size() - 1).split(",")[1])).isLessThanOrEqualTo(400);
    // evaluations at 200 and 400 steps
    assertThat(Files.readAllLines(run.resolve("eval.csv"))).extracting(l -> l.split(",")[0])
        .containsExactly("env_steps", "200", "400");
  }

  @Test
  void gradientStepsAreCountedAndARunThatNeverLearnedIsFlagged() throws IOException {
    // an episode budget: validation cannot tell that 20 CartPole episodes end before learning starts at 5,000 steps
    Path config = Files.writeString(dir.resolve("idle.yaml"), """
        name: idle
        env: {id: CartPole-v1}
        seeds: [1]
        budget: {episodes: 20}
        evaluation: {everyEnvSteps: 0}
        defaults:
          loss: {name: l2}
          agent: {network: {hidden: [8]}, replay: {capacity: 1000, learningStarts: 5000}}
        variants:
          idle: {}
          learns: {agent: {replay: {learningStarts: 63, updateEvery: 2, gradientSteps: 3}}}
        """);
    Path out = dir.resolve("idle");
    Cli.Result r = Cli.run("run", config.toString(), "--out", out.toString());
    assertThat(r.code()).as("a run without a gradient step is an error").isEqualTo(QprobCommand.FAILED);
    assertThat(r.err()).contains("idle/seed-1: WARNING: took 0 gradient steps")
        .contains("qprob: 1 of 2 runs took no gradient step");
    String summary = Files.readString(out.resolve("summary.md"));
    assertThat(summary).contains("| gradient steps |")
        .contains("**Warning: 1 finished run(s) took far fewer gradient steps than their config implies")
        .contains("idle/seed-1 (0 gradient steps, learning never started)").doesNotContain("learns/seed-1 (");
    var provenance = new ObjectMapper().readTree(out.resolve("learns/seed-1/provenance.json").toFile());
    long steps = provenance.get("envSteps").asLong();
    long expected = 3 * (steps / 2 - 63 / 2);
    assertThat(provenance.get("gradientSteps").asLong()).isEqualTo(expected);
    List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
    assertThat(csv.get(0)).endsWith(",gradient_steps_mean");
    assertThat(csv.get(1)).startsWith("idle,").endsWith(",0.0");
    assertThat(csv.get(2)).startsWith("learns,").endsWith("," + (double) expected);
  }

  @Test
  void aSecondRunKeepsFinishedRunsAndRedoesUnfinishedOnes() throws IOException {
    Path config = config();
    Path out = dir.resolve("out");
    assertThat(Cli.run("run", config.toString(), "--out", out.toString()).code()).isZero();
    Path l2 = out.resolve("l2/seed-7");
    byte[] before = Files.readAllBytes(l2.resolve("episodes.csv"));
    // simulate a crash of the gumbel-kl run: its results are back under partial names, its provenance running
    Path g = out.resolve("gumbel-kl/seed-7");
    Files.move(g.resolve("episodes.csv"), g.resolve("episodes.csv.partial"));
    Files.writeString(g.resolve("provenance.json"), "{\"status\": \"running\"}");

    Cli.Result again = Cli.run("run", config.toString(), "--out", out.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err()).contains("l2/seed-7: already finished, kept").contains("gumbel-kl/seed-7: finished");
    assertThat(Files.readAllBytes(l2.resolve("episodes.csv"))).isEqualTo(before);
    assertThat(g.resolve("episodes.csv")).isRegularFile();
    assertThat(g.resolve("episodes.csv.partial")).doesNotExist();

    // another config into the same folder is refused
    Cli.Result other = Cli.run("run", config.toString(), "--out", out.toString(), "--set", "seeds=[8]");
    assertThat(other.code()).isEqualTo(2);
    assertThat(other.errLines()).singleElement().asString().contains(out + ": holds results of a different config");
  }

  @Test
  void severalDocumentsRunAsSeveralExperiments() throws IOException {
    Path config = Files.writeString(dir.resolve("two.yaml"), CONFIG.replace("name: tiny", "name: one")
        + "---\n" + CONFIG.replace("name: tiny", "name: two").replace("CartPole-v1", "Acrobot-v1"));
    List<ExperimentConfig> read = new ConfigReader().read(config, List.of());
    assertThat(read).hasSize(2);
    Cli.Result r = Cli.run("run", config.toString(), "--out", dir.resolve("out").toString(), "--set",
        "budget.envSteps=100", "--set", "evaluation.everyEnvSteps=100");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(dir.resolve("out/one/summary.md")).isRegularFile();
    assertThat(Files.readString(dir.resolve("out/two/experiment.yaml"))).contains("Acrobot-v1");
    assertThat(Files.readString(dir.resolve("out/two/summary.md"))).contains("Acrobot-v1");
  }

  @Test
  void runSpecsRoundTripThroughJson() throws IOException {
    ExperimentConfig e = new ConfigReader().readText(CONFIG, "tiny", "tiny.yaml", List.of()).get(0);
    RunSpec spec = RunSpec.of(e, "gumbel-kl", 7, dir);
    ObjectMapper json = ConfigMapper.json();
    assertThat(json.readValue(json.writeValueAsString(spec), RunSpec.class)).isEqualTo(spec);
    assertThat(spec.seeds().agent()).isNotEqualTo(spec.seeds().environment()).isNotEqualTo(spec.seeds().evaluation());
  }
}
