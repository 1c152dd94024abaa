package org.qprob.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qprob.experiments.config.ConfigReader;
import org.qprob.experiments.config.ExperimentConfig;
import org.qprob.experiments.report.PairwiseComparisons;
import org.qprob.experiments.report.SummaryTable;
import org.qprob.experiments.run.CsvLog;
import org.qprob.experiments.run.EpisodeRow;
import org.qprob.experiments.run.EvaluationRow;
import org.qprob.experiments.run.ExperimentFolder;
import org.qprob.experiments.run.RunFiles;

/** {@code qprob report} on a results folder written by hand, checked against hand-computed numbers. */
class ReportCommandTest {
  @TempDir
  Path dir;

  private void writeExperiment() throws IOException {
    ExperimentConfig c = new ConfigReader().readText("""
        name: hand
        env: {id: CartPole-v1}
        seeds: [0, 1, 2]
        budget: {episodes: 4}
        evaluation: {everyEnvSteps: 10, episodes: 2}
        report: {threshold: 15, window: 2, finalEpisodes: 2}
        variants: {a: {}, b: {}}
        """, "hand", "hand.yaml", List.of()).get(0);
    Files.writeString(dir.resolve(ExperimentFolder.CONFIG), ExperimentFolder.configText(c));
  }

  private Path run(String variant, long seed, String status) throws IOException {
    Path folder = dir.resolve(variant).resolve("seed-" + seed);
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(RunFiles.PROVENANCE), "{\"status\": \"" + status + "\"}");
    return folder;
  }

  private static void episodes(Path folder, double[] returns, long[] steps) {
    try (CsvLog log = new CsvLog(folder.resolve(RunFiles.EPISODES), EpisodeRow.COLUMNS)) {
      for (int i = 0; i < returns.length; i++) {
        log.append(new EpisodeRow(i + 1, steps[i], returns[i], 1, 0.5, 1.0, Double.NaN, i).fields());
      }
      log.complete();
    }
  }

  private static void evaluations(Path folder, long[] steps, double[] means) {
    try (CsvLog log = new CsvLog(folder.resolve(RunFiles.EVALUATIONS), EvaluationRow.COLUMNS)) {
      for (int i = 0; i < steps.length; i++) {
        log.append(EvaluationRow.of(steps[i], i, new double[] {means[i], means[i]}, i).fields());
      }
      log.complete();
    }
  }

  private void writeRuns() throws IOException {
    Path a0 = run("a", 0, "finished");
    episodes(a0, new double[] {10, 20, 30, 40}, new long[] {10, 30, 60, 100});
    evaluations(a0, new long[] {10, 100}, new double[] {7, 50});
    Path a1 = run("a", 1, "finished");
    episodes(a1, new double[] {5, 5, 5, 5}, new long[] {5, 10, 15, 20});
    evaluations(a1, new long[] {20}, new double[] {3});
    // a crash mid-run: the episodes are still under their partial name, the provenance still says running
    Path a2 = run("a", 2, "running");
    try (CsvLog log = new CsvLog(a2.resolve(RunFiles.EPISODES), EpisodeRow.COLUMNS)) {
      log.append(new EpisodeRow(1, 500, 500, 500, 0.5, 1.0, 1.0, 1).fields());
    }
    Path b0 = run("b", 0, "finished");
    episodes(b0, new double[] {20, 20, 20, 20}, new long[] {20, 40, 60, 80});
    run("b", 2, "failed");
  }

  private static Map<String, Map<String, String>> summaryCsv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));
    assertThat(header).isEqualTo(SummaryTable.COLUMNS);
    Map<String, Map<String, String>> rows = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < f.length; i++) {
        row.put(header.get(i), f[i]);
      }
      rows.put(f[0], row);
    }
    return rows;
  }

  private static double d(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }

  @Test
  void reportIsComputedFromTheFilesAlone() throws IOException {
    writeExperiment();
    writeRuns();
    Cli.Result r = Cli.run("report", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("wrote " + dir.resolve("summary.md") + ", summary.csv, comparisons.csv, curves.png");

    Map<String, Map<String, String>> rows = summaryCsv(dir.resolve("summary.csv"));
    Map<String, String> a = rows.get("a");
    assertThat(a.get("seeds")).isEqualTo("2");
    assertThat(a.get("unfinished")).isEqualTo("1");
    assertThat(d(a, "final_train_mean")).isEqualTo(20.0); // (mean(30,40) + mean(5,5)) / 2
    // two seeds: resampled means are 5, 20, 35 with probabilities 1/4, 1/2, 1/4
    assertThat(d(a, "final_train_ci_low")).isEqualTo(5.0);
    assertThat(d(a, "final_train_ci_high")).isEqualTo(35.0);
    assertThat(d(a, "final_train_iqm")).isEqualTo(20.0);
    assertThat(d(a, "final_eval_mean")).isEqualTo(26.5); // last evaluations 50 and 3
    assertThat(d(a, "threshold")).isEqualTo(15.0);
    assertThat(a.get("never_reached")).isEqualTo("1");
    assertThat(d(a, "episodes_to_threshold_mean")).isEqualTo(2.0); // mean(10, 20) = 15 at episode 2
    assertThat(d(a, "env_steps_to_threshold_mean")).isEqualTo(30.0);
    assertThat(d(a, "auc_per_episode_mean")).isEqualTo(15.0); // mean(25, 5)
    // seed 0: (15*20 + 25*30 + 35*40) / 90; seed 1: 5
    assertThat(d(a, "auc_per_env_step_mean")).isCloseTo((2450.0 / 90 + 5) / 2, within(1e-12));
    assertThat(d(a, "env_steps_mean")).isEqualTo(60.0);

    Map<String, String> b = rows.get("b");
    assertThat(b.get("seeds")).isEqualTo("1");
    assertThat(b.get("unfinished")).isEqualTo("2");
    assertThat(d(b, "final_train_mean")).isEqualTo(20.0);
    assertThat(b.get("final_eval_mean")).as("no evaluation file").isEmpty();
    assertThat(b.get("never_reached")).isEqualTo("0");
    assertThat(d(b, "env_steps_to_threshold_mean")).isEqualTo(40.0);

    String md = Files.readString(dir.resolve("summary.md"));
    assertThat(md).contains("# hand", "| a | 2 (+1 unfinished) | 20.00 [5.00, 35.00] | 20.00 | 26.50",
        "3 run(s) did not finish and are left out:** a/seed-2 (running), b/seed-1 (missing), b/seed-2 (failed).",
        "episodes / env steps to 15.00");

    // a vs b, seed against seed: final training {35, 5} vs {20}; no evaluation for b; AUC {2450/90, 5} vs {20}
    List<String> comparisons = Files.readAllLines(dir.resolve("comparisons.csv"));
    assertThat(comparisons.get(0)).isEqualTo(String.join(",", PairwiseComparisons.COLUMNS));
    assertThat(comparisons.subList(1, comparisons.size())).containsExactly(
        "final_train,a,b,2,1,0.0,,,0.5,,",
        "final_eval,a,b,2,0,,,,,,",
        "auc_per_env_step,a,b,2,1," + ((2450.0 / 90 + 5) / 2 - 20) + ",,,0.5,,");
    assertThat(md).contains("## Pairwise comparisons", "| a − b | 0.00 | 0.50 | – | – | -3.89 | 0.50 |");

    BufferedImage png = ImageIO.read(dir.resolve("curves.png").toFile());
    assertThat(png.getWidth()).as("three panels: vs episodes, vs env steps, evaluation").isEqualTo(3 * 760);

    // re-rendering from the same files gives the same table
    String first = Files.readString(dir.resolve("summary.csv"));
    Files.delete(dir.resolve("summary.csv"));
    assertThat(Cli.run("report", dir.toString()).code()).isZero();
    assertThat(Files.readString(dir.resolve("summary.csv"))).isEqualTo(first);
  }

  @Test
  void theWindowAndTheFinalEpisodesCanBeGivenAtReportTime() throws IOException {
    writeExperiment();
    writeRuns();
    Cli.Result r = Cli.run("report", "--final-episodes", "4", "--window", "1", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, Map<String, String>> rows = summaryCsv(dir.resolve("summary.csv"));
    assertThat(d(rows.get("a"), "final_train_mean")).isEqualTo(15.0); // (mean(10, 20, 30, 40) + mean(5, 5, 5, 5)) / 2
    // one-episode window: seed 0 first reaches 15 at its second episode (20), seed 1 never
    assertThat(d(rows.get("a"), "episodes_to_threshold_mean")).isEqualTo(2.0);
    assertThat(d(rows.get("b"), "episodes_to_threshold_mean")).isEqualTo(1.0);
    assertThat(Files.readString(dir.resolve("summary.md"))).contains("final training return (last 4 ep.)");

    // the config's own settings again without the options
    assertThat(Cli.run("report", dir.toString()).code()).isZero();
    assertThat(d(summaryCsv(dir.resolve("summary.csv")).get("a"), "final_train_mean")).isEqualTo(20.0);
  }

  @Test
  void aWindowBelowOneIsBadInputAndTheReportStays() throws IOException {
    writeExperiment();
    writeRuns();
    assertThat(Cli.run("report", dir.toString()).code()).isZero();
    String before = Files.readString(dir.resolve("summary.csv"));
    Cli.Result r = Cli.run("report", "--window", "0", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString()
        .isEqualTo("qprob report: --window 0 is invalid; expected an integer >= 1");
    assertThat(Files.readString(dir.resolve("summary.csv"))).isEqualTo(before);
  }

  @Test
  void aFolderWithoutAnExperimentIsBadInput() {
    Cli.Result r = Cli.run("report", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().contains(dir + ": not an experiment results folder");
  }
}
