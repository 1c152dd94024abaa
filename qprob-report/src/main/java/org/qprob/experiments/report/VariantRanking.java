package org.qprob.experiments.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.qprob.experiments.config.ExperimentConfig;
import org.qprob.experiments.config.RankMetric;
import org.qprob.experiments.config.ReportConfig;

/**
 * The ranking section of {@code summary.md} ({@code report.rankBy}, set by default for a sweep): the variants ordered
 * by the across-seed mean of one {@link RankMetric}, each with its bootstrap interval, and each compared with the best
 * seed against seed as {@link PairwiseComparisons} compares pairs: the gap to the best with its two-sample bootstrap
 * interval and the probability that a seed of the best beats a seed of it. A gap whose interval leaves out 0 is one
 * the seeds resolve.
 */
public final class VariantRanking {
  private VariantRanking() {}

  /**
   * One ranked variant.
   *
   * @param variant its name
   * @param values its per-seed values of the metric (finished seeds; for steps to threshold, those that reached it)
   * @param mean their mean; NaN for none
   * @param interval the bootstrap interval of the mean
   * @param gap how much worse than the best it is on average (positive = worse; 0 for the best)
   * @param gapInterval the two-sample bootstrap interval of the gap
   * @param bestBeats the probability that a seed of the best variant beats a seed of this one (0.5 = no difference)
   * @param resolved whether the gap's interval leaves out 0: these seeds tell it from the best
   */
  public record Rank(String variant, double[] values, double mean, Interval interval, double gap, Interval gapInterval,
      double bestBeats, boolean resolved) {}

  /** The variants of {@code results} ranked by {@code metric}, the best first; variants without a value last. */
  public static List<Rank> rank(ExperimentResults results, RankMetric metric, Bootstrap bootstrap) {
    ReportConfig report = results.config().report();
    double sign = metric.higherIsBetter() ? 1 : -1;
    List<String> variants = new ArrayList<>(results.runs().keySet());
    List<double[]> scores = new ArrayList<>();
    for (String v : variants) {
      scores.add(values(results.finished(v), metric, report));
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> {
      double m = SeedAggregate.mean(scores.get(i));
      return Double.isNaN(m) ? Double.POSITIVE_INFINITY : -sign * m;
    }));
    List<Rank> ranks = new ArrayList<>();
    double[] best = signed(scores.get(order.get(0)), sign);
    for (int i : order) {
      double[] values = scores.get(i);
      double[] own = signed(values, sign);
      boolean isBest = i == order.get(0);
      double gap = isBest ? 0 : SeedAggregate.mean(best) - SeedAggregate.mean(own);
      Interval gapInterval = isBest ? Interval.NONE : bootstrap.differenceInterval(best, own);
      double beats = isBest || own.length == 0 || best.length == 0 ? Double.NaN
          : Bootstrap.probabilityOfImprovement(best, own);
      boolean resolved = !isBest && !Double.isNaN(gapInterval.lower()) && !gapInterval.contains(0);
      ranks.add(new Rank(variants.get(i), values, SeedAggregate.mean(values), bootstrap.meanInterval(values), gap,
          gapInterval, beats, resolved));
    }
    return ranks;
  }

  /** The section's Markdown; empty without {@code report.rankBy} or with fewer than two variants. */
  public static String markdown(ExperimentResults results, Bootstrap bootstrap) {
    ExperimentConfig config = results.config();
    if (config.report().rankMetric().isEmpty() || results.runs().size() < 2) {
      return "";
    }
    RankMetric metric = config.report().rankMetric().get();
    StringBuilder b = new StringBuilder("\n## Ranking by ").append(label(metric, config.report())).append("\n\n");
    if (metric == RankMetric.STEPS_TO_THRESHOLD && config.report().threshold() == null) {
      return b.append("No ranking: the environment has no reward threshold and report.threshold is unset.\n")
          .toString();
    }
    List<Rank> ranks = rank(results, metric, bootstrap);
    String best = ranks.get(0).variant();
    b.append("| rank | variant | seeds | mean [CI] | gap to ").append(best).append(" [CI] | P(").append(best)
        .append(" beats it) | resolved |\n|---|---|---|---|---|---|---|\n");
    int n = 1;
    List<String> resolved = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    for (Rank r : ranks) {
      boolean isBest = r.variant().equals(best);
      b.append("| ").append(n++).append(" | ").append(r.variant()).append(" | ").append(r.values().length)
          .append(" | ").append(Numbers.of(r.mean())).append(interval(r.interval())).append(" | ")
          .append(isBest ? "best" : Numbers.signed(r.gap()) + interval(r.gapInterval())).append(" | ")
          .append(isBest ? "" : Numbers.fixed(r.bestBeats(), 2)).append(" | ")
          .append(isBest ? "" : r.resolved() ? "yes" : "no").append(" |\n");
      if (!isBest) {
        (r.resolved() ? resolved : unresolved).add(r.variant());
      }
    }
    b.append("\nVariants ordered by the mean across seeds of ").append(label(metric, config.report()))
        .append(metric.higherIsBetter() ? " (higher first)" : " (fewer first; seeds that never reached it left out)")
        .append(", with its ").append(Math.round(bootstrap.level() * 100)).append("% bootstrap interval. **gap** is how"
            + " much worse than ").append(best).append(" a variant is on average (positive = worse), with its"
            + " two-sample bootstrap interval; **P(best beats it)** is the probability that a seed of the best scores"
            + " better than a seed of it (0.5 = no difference). ");
    b.append("These seeds resolve ").append(best).append(" from ").append(resolved.size()).append(" of ")
        .append(ranks.size() - 1).append(" variants");
    if (!unresolved.isEmpty()) {
      b.append("; they do not tell it from ").append(String.join(", ", unresolved))
          .append(" (more seeds would be needed)");
    }
    b.append(". The intervals are not corrected for the number of comparisons.\n");
    return b.toString();
  }

  /** The metric of each run: NaN values (no evaluation, threshold never reached) left out. */
  static double[] values(List<RunResult> runs, RankMetric metric, ReportConfig report) {
    return switch (metric) {
      case FINAL_RETURN -> SeedMetric.FINAL_TRAINING.of(runs, report.finalEpisodes());
      case FINAL_EVAL -> SeedMetric.FINAL_EVALUATION.of(runs, report.finalEpisodes());
      case AUC -> SeedMetric.AUC_PER_ENV_STEP.of(runs, report.finalEpisodes());
      case STEPS_TO_THRESHOLD -> runs.stream().mapToDouble(r -> {
        if (report.threshold() == null) {
          return Double.NaN;
        }
        OptionalInt reached = r.curve().firstEpisodeReaching(report.threshold(), report.window());
        return reached.isPresent() ? r.curve().envStepsAtEpisode(reached.getAsInt()) : Double.NaN;
      }).filter(v -> !Double.isNaN(v)).toArray();
    };
  }

  private static String label(RankMetric metric, ReportConfig report) {
    return switch (metric) {
      case FINAL_RETURN -> "final training return (last " + report.finalEpisodes() + " ep.)";
      case FINAL_EVAL -> "final greedy eval";
      case AUC -> "mean return over env steps (AUC)";
      case STEPS_TO_THRESHOLD -> "env steps to " + (report.threshold() == null ? "threshold"
          : Numbers.of(report.threshold()));
    };
  }

  private static double[] signed(double[] values, double sign) {
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= sign;
    }
    return out;
  }

  private static String interval(Interval i) {
    return Double.isNaN(i.lower()) ? "" : " [" + Numbers.of(i.lower()) + ", " + Numbers.of(i.upper()) + "]";
  }
}
