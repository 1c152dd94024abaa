package org.qprob.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qprob.experiments.cli.QprobCommand;

/** {@code qprob run --engine spark} in local mode against the thread pool, on tiny budgets. */
class SparkEngineTest {
  private static final String CONFIG = """
      name: tiny
      env: {id: CartPole-v1}
      seeds: [3, 4]
      budget: {envSteps: 300}
      evaluation: {everyEnvSteps: 150, episodes: 2}
      checkpoint: {everyEnvSteps: 100}
      logging: {tensorboard: false}
      defaults:
        agent:
          network: {hidden: [8]}
          replay: {learningStarts: 64}
          exploration: {kind: epsilon-greedy, start: 1.0, end: 0.1, schedule: linear, unit: step, decaySteps: 200}
      variants:
        l2: {loss: {name: l2}}
        gumbel-kl:
          loss: {name: gumbel-kl}
          agent: {target: {source: online-grad}, optimizer: {gradClipNorm: 1.0}}
      """;

  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  static Result qprob(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = QprobCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }

  /** The CSV without its last column (wall-clock seconds). */
  private static List<String> withoutWallClock(Path csv) throws IOException {
    return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
  }

  @Test
  void sparkWritesTheRunsTheThreadPoolWritesAndARetriedFinishedRunChangesNothing() throws IOException {
    Path config = Files.writeString(dir.resolve("tiny.yaml"), CONFIG);
    Result threads = qprob("run", config.toString(), "--out", dir.resolve("threads").toString(), "--jobs", "2");
    assertThat(threads.code()).as(threads.err()).isZero();
    Result spark = qprob("run", config.toString(), "--out", dir.resolve("spark").toString(), "--engine", "spark",
        "--master", "local[2]");
    assertThat(spark.code()).as(spark.err()).isZero();
    assertThat(spark.err()).contains("on Spark local[2] (one task per run)");
    assertThat(spark.out()).contains("wrote " + dir.resolve("spark").resolve("summary.md"));
    for (String run : List.of("l2/seed-3", "l2/seed-4", "gumbel-kl/seed-3", "gumbel-kl/seed-4")) {
      Path a = dir.resolve("threads").resolve(run);
      Path b = dir.resolve("spark").resolve(run);
      List<String> episodes = withoutWallClock(a.resolve("episodes.csv"));
      assertThat(episodes.size()).as(run + ": several episodes").isGreaterThan(5);
      assertThat(withoutWallClock(b.resolve("episodes.csv"))).as(run).isEqualTo(episodes);
      assertThat(withoutWallClock(b.resolve("eval.csv"))).as(run).isEqualTo(withoutWallClock(a.resolve("eval.csv")));
      assertThat(Files.readAllBytes(b.resolve("final-agent.ckpt"))).as(run)
          .isEqualTo(Files.readAllBytes(a.resolve("final-agent.ckpt")));
      assertThat(Files.readString(b.resolve("config.yaml")))
          .isEqualTo(Files.readString(a.resolve("config.yaml")).replace(a.toString(), b.toString()));
    }
    assertThat(dir.resolve("spark/summary.md")).exists();

    // every task again (what a retry of a finished task does): nothing changes
    Map<Path, String> before = snapshot(dir.resolve("spark"));
    ObjectMapper mapper = org.qprob.experiments.config.ConfigMapper.json();
    String spec = Files.readString(dir.resolve("spark/l2/seed-3/config.yaml"));
    org.qprob.experiments.run.RunSpec runSpec = org.qprob.experiments.config.ConfigMapper.strictYaml()
        .readValue(spec, org.qprob.experiments.run.RunSpec.class);
    String outcome = new SparkRunTask(mapper.writeValueAsString(org.qprob.experiments.run.CodeVersion.detect()), 50,
        4).call(mapper.writeValueAsString(runSpec));
    JsonNode o = mapper.readTree(outcome);
    assertThat(o.get("skipped").asBoolean()).isTrue();
    assertThat(o.get("status").asText()).isEqualTo("finished");
    Result again = qprob("run", config.toString(), "--out", dir.resolve("spark").toString(), "--engine", "spark",
        "--master", "local[2]");
    assertThat(again.code()).as(again.err()).isZero();
    Map<Path, String> after = snapshot(dir.resolve("spark"));
    before.keySet().removeIf(p -> !p.toString().contains("seed-"));
    after.keySet().removeIf(p -> !p.toString().contains("seed-"));
    assertThat(after).isEqualTo(before);
  }

  @Test
  void aDivergedRunIsReportedAndTheSweepGoesOn() throws IOException {
    Path config = Files.writeString(dir.resolve("absurd.yaml"), """
        name: absurd
        seeds: [0]
        budget: {envSteps: 2000}
        evaluation: {everyEnvSteps: 0}
        logging: {tensorboard: false}
        defaults:
          agent:
            gamma: 1.0
            network: {hidden: [16]}
            optimizer: {name: sgd}
            target: {source: online-stop}
          loss: {name: l2}
        sweep:
          grid: {defaults.agent.optimizer.learningRate: [10, 1.0e-3]}
        """);
    Path out = dir.resolve("out");
    Result r = qprob("run", config.toString(), "--out", out.toString(), "--engine", "spark", "--master", "local[2,2]");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("1 of 2 runs diverged");
    ObjectMapper json = new ObjectMapper();
    JsonNode diverged = json.readTree(out.resolve("learningRate-10/seed-0/provenance.json").toFile());
    assertThat(diverged.get("status").asText()).isEqualTo("diverged");
    JsonNode fine = json.readTree(out.resolve("learningRate-0.001/seed-0/provenance.json").toFile());
    assertThat(fine.get("status").asText()).isEqualTo("finished");
    assertThat(Files.readString(out.resolve("summary.md"))).contains("## Ranking by final training return");
  }

  @Test
  void attemptsFollowTheMaster() {
    assertThat(SparkEngine.attempts(new org.apache.spark.SparkConf(false).setMaster("local[2]"))).isEqualTo(1);
    assertThat(SparkEngine.attempts(new org.apache.spark.SparkConf(false).setMaster("local[*, 3]"))).isEqualTo(3);
    assertThat(SparkEngine.attempts(new org.apache.spark.SparkConf(false).setMaster("spark://h:7077")
        .set("spark.task.maxFailures", "5"))).isEqualTo(5);
  }

  /** Every file under {@code root}: its bytes' hash and modification time. */
  private static Map<Path, String> snapshot(Path root) throws IOException {
    Map<Path, String> m = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        FileTime t = Files.getLastModifiedTime(f);
        m.put(root.relativize(f), java.util.Arrays.hashCode(Files.readAllBytes(f)) + "@" + t.toMillis());
      }
    }
    return m;
  }
}
