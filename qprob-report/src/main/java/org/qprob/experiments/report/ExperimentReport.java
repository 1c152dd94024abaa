package org.qprob.experiments.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.qprob.experiments.config.ExperimentConfig;
import org.qprob.experiments.config.ReportConfig;
import org.qprob.experiments.run.AtomicFiles;

/**
 * Renders an experiment's report from its folder alone: {@code summary.md}, {@code summary.csv} and
 * {@code curves.png}, each written atomically, and with two variants or more {@code comparisons.csv}
 * ({@link PairwiseComparisons}). Unfinished runs are left out and named in {@code summary.md}. The analyses add their
 * sections ({@link ReportSection}): the calibration of runs that wrote {@code calibration.csv}, the uncertainty
 * analysis of NoisyChain-v0's final agents.
 */
public final class ExperimentReport {
  /** The summary table, Markdown. */
  public static final String SUMMARY_MD = "summary.md";
  /** The summary table, CSV. */
  public static final String SUMMARY_CSV = "summary.csv";
  /** Every pair of variants compared, CSV (experiments of two or more variants). */
  public static final String COMPARISONS_CSV = "comparisons.csv";
  /** The learning curves. */
  public static final String CURVES = "curves.png";
  /** The resamples of the curves' bands (fewer than the table's, for speed; the band is drawn, not quoted). */
  static final Bootstrap BAND_BOOTSTRAP = new Bootstrap(2_000, 0.95, 20240601L);

  private ExperimentReport() {}

  /** Reads {@code folder} and writes its report; returns the per-variant summaries. */
  public static List<VariantSummary> render(Path folder) {
    return render(folder, UnaryOperator.identity());
  }

  /**
   * Reads {@code folder} and writes its report with the report settings {@code report} makes of the experiment's own
   * (a window or a number of final episodes other than the config's, say); returns the per-variant summaries.
   */
  public static List<VariantSummary> render(Path folder, UnaryOperator<ReportConfig> report) {
    ExperimentResults read = ExperimentResults.read(folder);
    ExperimentResults results = new ExperimentResults(read.folder(),
        read.config().withReport(report.apply(read.config().report())), read.runs());
    ExperimentConfig config = results.config();
    Bootstrap bootstrap = Bootstrap.STANDARD;
    List<VariantSummary> summaries = new ArrayList<>();
    for (Map.Entry<String, List<RunResult>> e : results.runs().entrySet()) {
      summaries.add(VariantSummary.of(e.getKey(), e.getValue(), config.report().threshold(),
          config.report().window(), config.report().finalEpisodes(), bootstrap));
    }
    AtomicFiles.writeString(folder.resolve(SUMMARY_CSV), SummaryTable.csv(summaries));
    int finalEpisodes = config.report().finalEpisodes();
    List<VariantComparison> comparisons = PairwiseComparisons.of(results, config.budget().offline()
        ? List.of(SeedMetric.FINAL_EVALUATION) : List.of(SeedMetric.values()), finalEpisodes, bootstrap);
    if (!comparisons.isEmpty()) {
      AtomicFiles.writeString(folder.resolve(COMPARISONS_CSV), PairwiseComparisons.csv(comparisons));
    }
    StringBuilder sections = new StringBuilder();
    for (ReportSection section : ReportSection.all()) {
      sections.append(section.render(results, bootstrap));
    }
    AtomicFiles.writeString(folder.resolve(SUMMARY_MD),
        SummaryTable.markdown(config, summaries, results.unfinished(), results.fewGradientSteps(), bootstrap)
            + VariantRanking.markdown(results, bootstrap)
            + PairwiseComparisons.markdown(comparisons, finalEpisodes, bootstrap) + sections);
    AtomicFiles.write(folder.resolve(CURVES), CurvesPlot.png(heading(config), panels(results), config.report().threshold()));
    return summaries;
  }

  private static String heading(ExperimentConfig c) {
    return c.name() + " — " + c.env().id() + ", mean across seeds; band: "
        + Math.round(BAND_BOOTSTRAP.level() * 100) + "% bootstrap CI of the mean";
  }

  static List<CurvesPlot.Panel> panels(ExperimentResults results) {
    ExperimentConfig config = results.config();
    int window = config.report().window();
    Curves curves = new Curves(BAND_BOOTSTRAP);
    List<Band> byEpisode = new ArrayList<>();
    List<Band> byStep = new ArrayList<>();
    List<Band> evaluation = new ArrayList<>();
    for (String variant : results.runs().keySet()) {
      List<RunResult> done = results.finished(variant);
      List<LearningCurve> learning = done.stream().map(RunResult::curve).toList();
      byEpisode.add(curves.againstEpisodes(variant, learning, window));
      byStep.add(curves.againstEnvSteps(variant, learning, window));
      evaluation.add(curves.evaluations(variant, done));
    }
    String training = "Training return (exploratory policy), " + window + "-episode moving average";
    return List.of(
        new CurvesPlot.Panel(training, "episode", "episodic return", byEpisode),
        new CurvesPlot.Panel(training, "environment steps", "episodic return", byStep),
        new CurvesPlot.Panel("Greedy evaluation return, mean of " + config.evaluation().episodes() + " episodes",
            config.budget().offline() ? "gradient steps" : "environment steps", "episodic return", evaluation));
  }
}
