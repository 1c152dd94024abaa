package org.qprob.experiments.calibration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qprob.experiments.report.Band;
import org.qprob.experiments.report.Bootstrap;
import org.qprob.experiments.report.CurvesPlot;
import org.qprob.experiments.report.ExperimentResults;
import org.qprob.experiments.report.Numbers;
import org.qprob.experiments.report.PointBands;
import org.qprob.experiments.report.ReportSection;
import org.qprob.experiments.report.RunResult;
import org.qprob.experiments.report.SeedAggregate;
import org.qprob.experiments.run.AtomicFiles;
import org.qprob.experiments.run.CsvFile;
import org.qprob.experiments.run.RunFiles;

/**
 * The calibration part of an experiment's report, from the runs' {@code calibration.csv} files alone: per variant
 * and predictive model, the metrics of each finished seed's last evaluation aggregated across seeds — a section of
 * {@code summary.md}, {@code calibration-summary.csv}, and {@code calibration.png} (mean PIT histogram and the
 * coverage of central intervals against their nominal level, with bootstrap bands). Runs without the file (agents
 * that predict no values, runs without evaluations) are left out.
 */
public final class CalibrationReport {
  /** The plot. */
  public static final String PLOT = "calibration.png";
  /** The table, CSV. */
  public static final String CSV = "calibration-summary.csv";
  /**
   * The nominal levels (in %) of the central intervals whose coverage is plotted: 50 and 90 as measured; 20, 40, 60
   * and 80 from the PIT histogram (a central interval of level L holds the returns whose PIT lies in
   * [(1 - L)/2, (1 + L)/2], whole bins for these levels).
   */
  public static final double[] LEVELS = {20, 40, 50, 60, 80, 90};

  /** The CSV columns. */
  public static final List<String> COLUMNS = List.of("variant", "model", "seeds", "steps_mean", "censored_mean",
      "nll_mean", "nll_ci_low", "nll_ci_high", "cover50_mean", "cover50_ci_low", "cover50_ci_high", "cover90_mean",
      "cover90_ci_low", "cover90_ci_high", "pit_max_dev_mean", "pit_max_dev_ci_low", "pit_max_dev_ci_high",
      "sd_mean", "sd_ci_low", "sd_ci_high", "bias_mean", "bias_ci_low", "bias_ci_high", "crps_mean", "crps_ci_low",
      "crps_ci_high");

  private CalibrationReport() {}

  /**
   * Writes {@code calibration-summary.csv} and {@code calibration.png} into the experiment's folder if any run has
   * calibration rows, and returns the Markdown section for {@code summary.md} (empty if none has).
   */
  public static String render(ExperimentResults results, Bootstrap bootstrap) {
    List<CalibrationSummary> summaries = summarise(results, bootstrap);
    Path folder = results.folder();
    if (summaries.isEmpty()) {
      return "";
    }
    AtomicFiles.writeString(folder.resolve(CSV), csv(summaries));
    AtomicFiles.write(folder.resolve(PLOT), png(results.config().name() + " — calibration at the last evaluation,"
        + " mean across seeds; band: " + Math.round(bootstrap.level() * 100) + "% bootstrap CI", summaries, bootstrap));
    return markdown(summaries, bootstrap);
  }

  /** Per variant (config order) and model (file order), the aggregated last-evaluation calibration. */
  public static List<CalibrationSummary> summarise(ExperimentResults results, Bootstrap bootstrap) {
    List<CalibrationSummary> out = new ArrayList<>();
    for (String variant : results.runs().keySet()) {
      Map<String, List<CalibrationRow>> lastByModel = new LinkedHashMap<>();
      for (RunResult run : results.finished(variant)) {
        Path file = run.folder().resolve(RunFiles.CALIBRATION);
        if (!Files.isRegularFile(file)) {
          continue;
        }
        Map<String, CalibrationRow> last = new LinkedHashMap<>();
        for (CalibrationRow r : CsvFile.read(file, CalibrationRow.COLUMNS, CalibrationRow::parse)) {
          CalibrationRow seen = last.get(r.model());
          if (seen == null || r.envSteps() >= seen.envSteps()) {
            last.put(r.model(), r);
          }
        }
        last.forEach((model, row) -> lastByModel.computeIfAbsent(model, m -> new ArrayList<>()).add(row));
      }
      lastByModel.forEach((model, rows) -> out.add(summary(variant, model, rows, bootstrap)));
    }
    return out;
  }

  static CalibrationSummary summary(String variant, String model, List<CalibrationRow> rows, Bootstrap bootstrap) {
    int n = rows.size();
    double[][] pit = new double[n][];
    double[][] coverage = new double[n][];
    for (int i = 0; i < n; i++) {
      CalibrationMetrics m = rows.get(i).metrics();
      pit[i] = m.pit();
      coverage[i] = coverage(m);
    }
    return new CalibrationSummary(variant, model, n,
        aggregate(rows, r -> r.metrics().n(), bootstrap), aggregate(rows, CalibrationRow::censored, bootstrap),
        aggregate(rows, r -> r.metrics().nll(), bootstrap), aggregate(rows, r -> r.metrics().cover50(), bootstrap),
        aggregate(rows, r -> r.metrics().cover90(), bootstrap),
        aggregate(rows, r -> r.metrics().pitMaxDeviation(), bootstrap), aggregate(rows, r -> r.metrics().sd(), bootstrap),
        aggregate(rows, r -> r.metrics().bias(), bootstrap), pit, coverage,
        aggregate(rows, r -> r.metrics().crps(), bootstrap));
  }

  private static SeedAggregate aggregate(List<CalibrationRow> rows,
      java.util.function.ToDoubleFunction<CalibrationRow> metric, Bootstrap bootstrap) {
    return SeedAggregate.of(rows.stream().mapToDouble(metric).toArray(), bootstrap);
  }

  /** Coverage at {@link #LEVELS}: 50 and 90 measured, the others summed from the PIT bins. */
  static double[] coverage(CalibrationMetrics m) {
    double[] pit = m.pit();
    double[] c = new double[LEVELS.length];
    for (int i = 0; i < LEVELS.length; i++) {
      int level = (int) LEVELS[i];
      if (level == 50) {
        c[i] = m.cover50();
      } else if (level == 90) {
        c[i] = m.cover90();
      } else {
        int outer = (CalibrationMetrics.BINS - level / 10) / 2;
        double sum = 0;
        for (int k = outer; k < CalibrationMetrics.BINS - outer; k++) {
          sum += pit[k];
        }
        c[i] = sum;
      }
    }
    return c;
  }

  static String csv(List<CalibrationSummary> summaries) {
    StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (CalibrationSummary s : summaries) {
      List<String> f = new ArrayList<>(List.of(s.variant(), s.model(), Integer.toString(s.seeds()),
          number(s.steps().mean()), number(s.censored().mean())));
      for (SeedAggregate a : List.of(s.nll(), s.cover50(), s.cover90(), s.pitMaxDeviation(), s.sd(), s.bias(),
          s.crps())) {
        f.add(number(a.mean()));
        f.add(number(a.interval().lower()));
        f.add(number(a.interval().upper()));
      }
      b.append(String.join(",", f)).append('\n');
    }
    return b.toString();
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  static String markdown(List<CalibrationSummary> summaries, Bootstrap bootstrap) {
    StringBuilder b = new StringBuilder("\n## Calibration of the predicted returns (last evaluation)\n\n");
    b.append("| variant | model | seeds | steps | CRPS | NLL | cover 50% (ideal 0.50) | cover 90% (ideal 0.90) |"
        + " PIT max. deviation from flat (ideal 0) | predicted sd | bias (G − mean) |\n");
    b.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (CalibrationSummary s : summaries) {
      b.append("| ").append(s.variant()).append(" | ").append(s.model()).append(" | ").append(s.seeds()).append(" | ")
          .append(fmt(s.steps().mean())).append(s.censored().mean() > 0 ? " (+" + fmt(s.censored().mean())
              + " censored)" : "").append(" | ").append(cell(s.crps())).append(" | ").append(cell(s.nll()))
          .append(" | ").append(cell(s.cover50()))
          .append(" | ").append(cell(s.cover90())).append(" | ").append(cell(s.pitMaxDeviation())).append(" | ")
          .append(cell(s.sd())).append(" | ").append(cell(s.bias())).append(" |\n");
    }
    b.append("\nPIT histogram, mean across seeds (10 bins of [0, 1]; flat = 0.10 each):\n\n");
    b.append("| variant | model |");
    for (int k = 1; k <= CalibrationMetrics.BINS; k++) {
      b.append(' ').append(k).append(" |");
    }
    b.append("\n|---|---|").append("---|".repeat(CalibrationMetrics.BINS)).append('\n');
    for (CalibrationSummary s : summaries) {
      b.append("| ").append(s.variant()).append(" | ").append(s.model()).append(" |");
      for (int k = 0; k < CalibrationMetrics.BINS; k++) {
        final int bin = k;
        double[] v = java.util.Arrays.stream(s.pit()).mapToDouble(p -> p[bin]).toArray();
        b.append(' ').append(fmt(SeedAggregate.of(v, bootstrap).mean())).append(" |");
      }
      b.append('\n');
    }
    b.append("\nPer seed, the last evaluation's `calibration.csv` row; each cell is the mean across seeds with its ")
        .append(Math.round(bootstrap.level() * 100)).append("% bootstrap interval. Every step (s, a) of an evaluation"
            + " episode that terminated is one pair: the predicted distribution of Q(s, a) against the realised"
            + " discounted return G from there (the agent's gamma). Steps of truncated episodes are censored (their"
            + " return is cut short) and left out. Models: **gumbel** — the agent's own Q(s, a) ~ Gumbel(mu(s, a),"
            + " exp(nu(s))); **categorical** — C51's softmax over its support; **quantileatoms** — QR-DQN's equally"
            + " weighted quantile values; **gaussian** — N(Q(s, a), sigma^2) around the agent's point value (its"
            + " predicted mean for a distributional agent), sigma the RMS of G − Q over the steps of the last ")
        .append(Calibrator.FIT_EPISODES).append(" training episodes that terminated. **CRPS** = mean continuous ranked"
            + " probability score, the integral of (F(x) − 1{x ≥ G})², in units of the return (lower is better; it"
            + " scores continuous and discrete predictions on one scale); **NLL** = mean −log density of G (densities"
            + " only: – for discrete predictions); **cover** = fraction of G inside the central interval; **PIT** ="
            + " cdf(G), randomised within the atom for discrete predictions, flat when calibrated."
            + " Plot: `calibration.png`.\n");
    return b.toString();
  }

  private static String cell(SeedAggregate a) {
    if (a.n() == 0) {
      return Numbers.MISSING;
    }
    return fmt(a.mean()) + " [" + fmt(a.interval().lower()) + ", " + fmt(a.interval().upper()) + "]";
  }

  static String fmt(double v) {
    return Numbers.fixedBelow100(v, 3);
  }


  static byte[] png(String heading, List<CalibrationSummary> summaries, Bootstrap bootstrap) {
    double[] bins = new double[CalibrationMetrics.BINS];
    double[] flat = new double[CalibrationMetrics.BINS];
    for (int k = 0; k < bins.length; k++) {
      bins[k] = k + 1;
      flat[k] = 1.0 / CalibrationMetrics.BINS;
    }
    List<Band> pit = new ArrayList<>();
    List<Band> coverage = new ArrayList<>();
    for (CalibrationSummary s : summaries) {
      String name = s.variant() + " / " + s.model();
      pit.add(PointBands.acrossSeeds(name, bins, s.pit(), bootstrap));
      double[][] percent = java.util.Arrays.stream(s.coverage())
          .map(c -> java.util.Arrays.stream(c).map(v -> 100 * v).toArray()).toArray(double[][]::new);
      coverage.add(PointBands.acrossSeeds(name, LEVELS, percent, bootstrap));
    }
    pit.add(PointBands.line("flat (calibrated)", bins, flat));
    coverage.add(PointBands.line("ideal (coverage = level)", LEVELS, LEVELS));
    return CurvesPlot.png(heading, List.of(
        new CurvesPlot.Panel("PIT histogram: fraction of returns per decile of the predicted cdf", "PIT decile",
            "fraction of (s, a) steps", pit),
        new CurvesPlot.Panel("Coverage of central prediction intervals", "nominal level (%)",
            "realised returns inside (%)", coverage)), null);
  }

  /** This analysis as a section of {@code summary.md}. */
  public static final class Section implements ReportSection {
    @Override
    public String name() {
      return "calibration";
    }

    @Override
    public int order() {
      return 10;
    }

    @Override
    public String render(ExperimentResults results, Bootstrap bootstrap) {
      return CalibrationReport.render(results, bootstrap);
    }
  }
}
