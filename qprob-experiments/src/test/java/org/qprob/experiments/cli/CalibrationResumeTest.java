package org.qprob.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qprob.experiments.config.ConfigReader;
import org.qprob.experiments.config.ExperimentConfig;
import org.qprob.experiments.guice.Plugins;
import org.qprob.experiments.run.CodeVersion;
import org.qprob.experiments.run.EpisodeRow;
import org.qprob.experiments.run.ExperimentFolder;
import org.qprob.experiments.run.Platform;
import org.qprob.experiments.run.RunCheckpoint;
import org.qprob.experiments.run.RunFiles;
import org.qprob.experiments.run.RunOutcome;
import org.qprob.experiments.run.RunProgress;
import org.qprob.experiments.run.RunSpec;
import org.qprob.experiments.runner.ExperimentValidator;
import org.qprob.experiments.runner.RunExecutor;

/**
 * A run continued from the files left at any moment writes the same {@code calibration.csv} as the uninterrupted
 * run: rows after the checkpoint are redone, and the training episodes the Gaussian spread is fitted on come back
 * from {@code calibration-state.bin}.
 */
class CalibrationResumeTest {
  private static final String CONFIG = """
      name: resume-calibration
      env: {id: NoisyChain-v0, options: {length: 6, noisy_states: odd, start: uniform}}
      seeds: [2]
      budget: {envSteps: 900}
      evaluation: {everyEnvSteps: 200, episodes: 10}
      checkpoint: {everyEnvSteps: 130}
      defaults:
        agent:
          network: {hidden: [16]}
          replay: {learningStarts: 64}
          target: {source: target-network, updateEvery: 50}
          exploration: {kind: epsilon-greedy, start: 1.0, end: 0.1, schedule: linear, unit: step, decaySteps: 500}
      variants:
        gumbel-kl: {loss: {name: gumbel-kl}}
        l2: {loss: {name: l2}}
      """;

  @TempDir
  Path dir;

  private static void copyFolder(Path folder, Path to) {
    try (Stream<Path> files = Files.list(folder)) {
      Files.createDirectories(to);
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aResumedRunWritesTheUninterruptedCalibration() throws IOException {
    Path config = Files.writeString(dir.resolve("c.yaml"), CONFIG);
    Cli.Result straight = Cli.run("run", config.toString(), "--out", dir.resolve("straight").toString());
    assertThat(straight.code()).as(straight.err()).isZero();

    Plugins plugins = Plugins.load();
    ExperimentConfig experiment = new ExperimentValidator(plugins)
        .validate(new ConfigReader().read(config, List.of()).get(0), config.toString());
    RunExecutor executor = new RunExecutor(plugins, CodeVersion.detect(), Platform.current(), Clock.systemUTC(),
        experiment.report().finalEpisodes());
    Path watched = dir.resolve("watched");
    ExperimentFolder.prepare(watched, experiment);
    for (String variant : List.of("gumbel-kl", "l2")) {
      byte[] expected = Files.readAllBytes(RunSpec.runFolder(dir.resolve("straight"), variant, 2)
          .resolve(RunFiles.CALIBRATION));
      assertThat(new String(expected)).contains("\n200,").contains("\n900,");
      Map<Integer, Path> snapshots = new TreeMap<>();
      RunSpec spec = RunSpec.of(experiment, variant, 2, watched);
      RunOutcome outcome = executor.execute(spec, new RunProgress() {
        @Override
        public void episode(RunSpec s, EpisodeRow row) {
          if (row.episode() % 40 == 7) {
            Path copy = dir.resolve("snapshots").resolve(variant).resolve("episode-" + row.episode());
            copyFolder(s.folder(), copy);
            snapshots.put(row.episode(), copy);
          }
        }
      });
      assertThat(outcome.finished()).isTrue();
      assertThat(Files.readAllBytes(spec.folder().resolve(RunFiles.CALIBRATION))).isEqualTo(expected);
      List<Long> resumedFrom = new ArrayList<>();
      for (Map.Entry<Integer, Path> snapshot : snapshots.entrySet()) {
        RunSpec again = RunSpec.of(experiment, variant, 2, dir.resolve("again-" + variant + "-" + snapshot.getKey()));
        copyFolder(snapshot.getValue(), again.folder());
        Path checkpoint = again.folder().resolve(RunFiles.CHECKPOINT);
        if (Files.exists(checkpoint)) {
          resumedFrom.add(RunCheckpoint.read(checkpoint).position().envSteps());
        }
        RunOutcome o = executor.execute(again, RunProgress.SILENT);
        assertThat(o.finished()).as(o.error()).isTrue();
        assertThat(Files.readAllBytes(again.folder().resolve(RunFiles.CALIBRATION)))
            .as("resumed from the files left after episode %d", snapshot.getKey()).isEqualTo(expected);
      }
      assertThat(resumedFrom).as("resumed from several checkpoints").hasSizeGreaterThanOrEqualTo(3);
    }
  }
}
