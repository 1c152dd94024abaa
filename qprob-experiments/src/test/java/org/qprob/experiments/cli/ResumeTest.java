package org.qprob.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qprob.experiments.config.ConfigMapper;
import org.qprob.experiments.config.ConfigReader;
import org.qprob.experiments.config.ExperimentConfig;
import org.qprob.experiments.guice.Plugins;
import org.qprob.experiments.observe.TensorBoardLog;
import org.qprob.experiments.run.CodeVersion;
import org.qprob.experiments.run.CsvLog;
import org.qprob.experiments.run.ExperimentFolder;
import org.qprob.experiments.run.Platform;
import org.qprob.experiments.run.RunCheckpoint;
import org.qprob.experiments.run.RunFiles;
import org.qprob.experiments.run.RunOutcome;
import org.qprob.experiments.run.RunProgress;
import org.qprob.experiments.run.RunSpec;
import org.qprob.experiments.runner.ExperimentValidator;
import org.qprob.experiments.runner.RunExecutor;
import org.qprob.tensorboard.Event;
import org.qprob.tensorboard.EventFileReader;
import org.qprob.tensorboard.EventFileWriter;
import org.qprob.tensorboard.SummaryValue;

/**
 * A run that is killed and resumed ends with exactly the files of a run that went straight through (apart from the
 * wall-clock columns): from a state left at any moment of the run (simulated in-process by copying the folder), and
 * from a real SIGKILL of a separate JVM.
 */
class ResumeTest {
  /**
   * Two agent types (a Q network with a target network; extreme-q's Q and V networks), and the first with prioritized
   * replay and 3-step returns (the sum tree and the n-step window in the checkpoint); frequent checkpoints.
   */
  private static final String CONFIG = """
      name: resume
      env: {id: CartPole-v1}
      seeds: [3]
      budget: {envSteps: 1200}
      evaluation: {everyEnvSteps: 400, episodes: 2}
      checkpoint: {everyEnvSteps: 250}
      defaults:
        agent:
          network: {hidden: [16]}
          replay: {capacity: 500, learningStarts: 64}
          target: {source: target-network, updateEvery: 50}
          exploration: {kind: epsilon-greedy, start: 1.0, end: 0.05, schedule: linear, unit: step, decaySteps: 800}
        loss: {name: l2}
      variants:
        l2: {}
        xq: {agent: {type: extreme-q}, loss: {name: xql}}
        per: {agent: {replay: {kind: prioritized, nStep: 3}}}
      """;

  @TempDir
  Path dir;

  /** The CSV's lines without their last column (wall-clock seconds). */
  static List<String> withoutWallClock(Path csv) throws IOException {
    return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
  }

  /** Asserts that run folder {@code actual} ended with the same results as {@code expected}. */
  static void assertSameResults(Path actual, Path expected) throws IOException {
    assertThat(withoutWallClock(actual.resolve(RunFiles.EPISODES)))
        .isEqualTo(withoutWallClock(expected.resolve(RunFiles.EPISODES)));
    assertThat(withoutWallClock(actual.resolve(RunFiles.EVALUATIONS)))
        .isEqualTo(withoutWallClock(expected.resolve(RunFiles.EVALUATIONS)));
    assertThat(Files.readAllBytes(actual.resolve(RunFiles.AGENT))).as("the final agent")
        .isEqualTo(Files.readAllBytes(expected.resolve(RunFiles.AGENT)));
    assertThat(actual.resolve(CsvLog.partialOf(actual.resolve(RunFiles.EPISODES)).getFileName())).doesNotExist();
    JsonNode provenance = ConfigMapper.json().readTree(actual.resolve(RunFiles.PROVENANCE).toFile());
    assertThat(provenance.get("status").asText()).isEqualTo("finished");
    JsonNode straight = ConfigMapper.json().readTree(expected.resolve(RunFiles.PROVENANCE).toFile());
    assertThat(provenance.get("gradientSteps").asLong()).as("gradient steps counted across the resume")
        .isEqualTo(straight.get("gradientSteps").asLong()).isPositive();
    assertThat(tensorBoardScalars(actual)).as("the TensorBoard scalars, each step once")
        .isEqualTo(tensorBoardScalars(expected)).isNotEmpty();
  }

  /**
   * The scalars of a run's TensorBoard event file (read strictly: framing and checksums checked), as
   * {@code step tag value} lines in file order, {@code charts/SPS} without its value (it measures the wall clock).
   */
  static List<String> tensorBoardScalars(Path runFolder) throws IOException {
    Path file = EventFileWriter.find(runFolder.resolve(TensorBoardLog.FOLDER)).orElseThrow();
    List<String> lines = new ArrayList<>();
    for (Event e : EventFileReader.read(file)) {
      for (SummaryValue v : e.values()) {
        if (v.simpleValue().isPresent()) {
          lines.add(e.step() + " " + v.tag() + (v.tag().equals("charts/SPS") ? "" : " " + v.simpleValue().getAsDouble()));
        }
      }
    }
    return lines;
  }

  /** Every regular file of {@code folder} and its sub-folders, copied to {@code to}. */
  private static void copyFolder(Path folder, Path to) {
    try (Stream<Path> files = Files.list(folder)) {
      Files.createDirectories(to);
      for (Path f : files.toList()) {
        if (Files.isDirectory(f)) {
          copyFolder(f, to.resolve(f.getFileName()));
        } else {
          Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aRunContinuedFromTheFilesLeftAtAnyMomentEndsAsTheUninterruptedRun() throws IOException {
    Path config = Files.writeString(dir.resolve("resume.yaml"), CONFIG);
    Cli.Result straight = Cli.run("run", config.toString(), "--out", dir.resolve("straight").toString(), "--jobs", "2");
    assertThat(straight.code()).as(straight.err()).isZero();

    Plugins plugins = Plugins.load();
    ExperimentConfig experiment = new ExperimentValidator(plugins)
        .validate(new ConfigReader().read(config, List.of()).get(0), config.toString());
    RunExecutor executor = new RunExecutor(plugins, CodeVersion.detect(), Platform.current(), Clock.systemUTC(),
        experiment.report().finalEpisodes());
    Path watched = dir.resolve("watched");
    ExperimentFolder.prepare(watched, experiment);
    for (String variant : List.of("l2", "xq", "per")) {
      // run once, copying the folder as a kill would leave it right after episodes 3, 6, 18, 30, ...
      Map<Integer, Path> snapshots = new TreeMap<>();
      RunSpec spec = RunSpec.of(experiment, variant, 3, watched);
      RunOutcome watchedOutcome = executor.execute(spec, new RunProgress() {
        @Override
        public void episode(RunSpec s, org.qprob.experiments.run.EpisodeRow row) {
          if (row.episode() == 3 || row.episode() % 12 == 6) {
            Path copy = dir.resolve("snapshots").resolve(variant).resolve("episode-" + row.episode());
            copyFolder(s.folder(), copy);
            snapshots.put(row.episode(), copy);
          }
        }
      });
      assertThat(watchedOutcome.finished()).isTrue();
      Path expected = RunSpec.runFolder(dir.resolve("straight"), variant, 3);
      assertSameResults(spec.folder(), expected);
      assertThat(snapshots).hasSizeGreaterThanOrEqualTo(3);

      boolean sawFreshStart = false;
      List<Long> resumedFrom = new ArrayList<>();
      for (Map.Entry<Integer, Path> snapshot : snapshots.entrySet()) {
        // a copy elsewhere (a moved folder resumes too); a row cut short at the end, as a kill while writing leaves
        Path other = dir.resolve("resumed-" + variant + "-" + snapshot.getKey());
        RunSpec again = RunSpec.of(experiment, variant, 3, other);
        copyFolder(snapshot.getValue(), again.folder());
        Files.writeString(CsvLog.partialOf(again.folder().resolve(RunFiles.EPISODES)), "99,12",
            StandardOpenOption.APPEND);
        Long checkpointAt = Files.exists(again.folder().resolve(RunFiles.CHECKPOINT))
            ? RunCheckpoint.read(again.folder().resolve(RunFiles.CHECKPOINT)).position().envSteps() : null;
        RunOutcome outcome = executor.execute(again, RunProgress.SILENT);
        assertThat(outcome.finished()).as(outcome.error()).isTrue();
        assertThat(outcome.resumedAtEnvStep()).isEqualTo(checkpointAt);
        if (checkpointAt == null) {
          sawFreshStart = true;
        } else {
          resumedFrom.add(checkpointAt);
        }
        assertSameResults(again.folder(), expected);
        JsonNode provenance = ConfigMapper.json().readTree(again.folder().resolve(RunFiles.PROVENANCE).toFile());
        assertThat(provenance.get("resumes").size()).isEqualTo(checkpointAt == null ? 0 : 1);
        assertThat(provenance.get("envSteps").asLong()).isEqualTo(1200);
      }
      assertThat(sawFreshStart).as("a kill before the first checkpoint starts the run again").isTrue();
      assertThat(new java.util.TreeSet<>(resumedFrom)).as("resumed from several checkpoints")
          .hasSizeGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void aRunKilledWithSigkillIsResumedByQprobResumeToTheUninterruptedFiles() throws Exception {
    Path config = Files.writeString(dir.resolve("kill.yaml"), CONFIG.replace("name: resume", "name: kill")
        .replace("envSteps: 1200", "envSteps: 6000").replace("        xq: {agent: {type: extreme-q}, loss: {name: xql}}\n",
            ""));
    Path killed = dir.resolve("killed");
    Path run = RunSpec.runFolder(killed, "l2", 3);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-Xss4m", "-cp",
        System.getProperty("java.class.path"), QprobCommand.class.getName(), "run", config.toString(), "--out",
        killed.toString(), "--jobs", "1")
        .redirectOutput(dir.resolve("child.out").toFile())
        .redirectError(dir.resolve("child.err").toFile());
    Process child = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    Path checkpoint = run.resolve(RunFiles.CHECKPOINT);
    while (!Files.exists(checkpoint) && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(checkpoint).as("a checkpoint within 3 minutes; child stderr: %s",
        Files.exists(dir.resolve("child.err")) ? Files.readString(dir.resolve("child.err")) : "").exists();
    child.destroyForcibly();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    // on Linux destroyForcibly sends SIGKILL: the exit status is 128 + 9, no shutdown hook or finally block ran
    assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
    JsonNode provenance = ConfigMapper.json().readTree(run.resolve(RunFiles.PROVENANCE).toFile());
    assertThat(provenance.get("status").asText()).as("killed mid-run").isEqualTo("running");
    assertThat(run.resolve(RunFiles.EPISODES)).doesNotExist();
    long killedAt = RunCheckpoint.read(checkpoint).position().envSteps();
    assertThat(killedAt).isLessThan(6000);

    Cli.Result resumed = Cli.run("resume", killed.toString(), "--jobs", "1");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("l2/seed-3: finished", "resumed from the checkpoint at env step");
    Cli.Result straight = Cli.run("run", config.toString(), "--out", dir.resolve("straight").toString());
    assertThat(straight.code()).as(straight.err()).isZero();
    assertSameResults(run, RunSpec.runFolder(dir.resolve("straight"), "l2", 3));
    assertThat(Files.readString(killed.resolve("summary.md"))).contains("| l2 | 1 |");

    // resuming a folder whose runs all ended changes nothing
    byte[] before = Files.readAllBytes(run.resolve(RunFiles.EPISODES));
    long modified = Files.getLastModifiedTime(run.resolve(RunFiles.EPISODES)).toMillis();
    Cli.Result again = Cli.run("resume", killed.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.err()).contains("l2/seed-3: already finished, kept");
    assertThat(Files.readAllBytes(run.resolve(RunFiles.EPISODES))).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(run.resolve(RunFiles.EPISODES)).toMillis()).isEqualTo(modified);
  }
}
