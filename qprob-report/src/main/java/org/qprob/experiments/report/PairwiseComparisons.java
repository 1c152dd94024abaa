package org.qprob.experiments.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Every pair of variants compared on the {@link SeedMetric}s: the difference of the means with its bootstrap interval,
 * and the probability that a seed of one beats a seed of the other. Written as {@code comparisons.csv} and as a
 * section of {@code summary.md}; nothing for an experiment of one variant.
 */
public final class PairwiseComparisons {
  /** The CSV columns, in order. */
  public static final List<String> COLUMNS = List.of("metric", "a", "b", "n_a", "n_b", "difference",
      "difference_ci_low", "difference_ci_high", "p_a_beats_b", "p_a_beats_b_ci_low", "p_a_beats_b_ci_high");

  private PairwiseComparisons() {}

  /** Each pair {@code (a, b)} of variants with {@code a} before {@code b} in the config's order, on each metric. */
  public static List<VariantComparison> of(ExperimentResults results, int finalEpisodes, Bootstrap bootstrap) {
    return of(results, List.of(SeedMetric.values()), finalEpisodes, bootstrap);
  }

  /**
   * As {@link #of(ExperimentResults, int, Bootstrap)} on {@code metrics} only (an offline experiment has no training
   * episodes, so only its evaluations compare).
   */
  public static List<VariantComparison> of(ExperimentResults results, List<SeedMetric> metrics, int finalEpisodes,
      Bootstrap bootstrap) {
    List<String> variants = List.copyOf(results.runs().keySet());
    List<VariantComparison> comparisons = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      for (int j = i + 1; j < variants.size(); j++) {
        List<RunResult> a = results.finished(variants.get(i));
        List<RunResult> b = results.finished(variants.get(j));
        for (SeedMetric metric : metrics) {
          comparisons.add(VariantComparison.of(metric, variants.get(i), metric.of(a, finalEpisodes),
              variants.get(j), metric.of(b, finalEpisodes), bootstrap));
        }
      }
    }
    return comparisons;
  }

  /** The text of {@code comparisons.csv}: one row per pair and metric. */
  public static String csv(List<VariantComparison> comparisons) {
    StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (VariantComparison c : comparisons) {
      b.append(String.join(",", c.metric().key(), c.a(), c.b(), Integer.toString(c.nA()), Integer.toString(c.nB()),
          SummaryTable.number(c.difference()), SummaryTable.number(c.differenceInterval().lower()), SummaryTable.number(c.differenceInterval().upper()),
          SummaryTable.number(c.improvement()), SummaryTable.number(c.improvementInterval().lower()),
          SummaryTable.number(c.improvementInterval().upper()))).append('\n');
    }
    return b.toString();
  }

  /**
   * The section of {@code summary.md} for {@code comparisons} as {@link #of} returns them (each pair's metrics
   * together, in the order compared); empty for fewer than two variants.
   */
  public static String markdown(List<VariantComparison> comparisons, int finalEpisodes, Bootstrap bootstrap) {
    if (comparisons.isEmpty()) {
      return "";
    }
    List<SeedMetric> metrics = comparisons.stream().map(VariantComparison::metric).distinct().toList();
    StringBuilder b = new StringBuilder("\n## Pairwise comparisons\n\n| a − b |");
    for (SeedMetric m : metrics) {
      String label = m == SeedMetric.FINAL_TRAINING ? m.label() + " (last " + finalEpisodes + " ep.)" : m.label();
      b.append(' ').append(label).append(" | P(a > b) |");
    }
    b.append("\n|---|").append("---|---|".repeat(metrics.size())).append('\n');
    int perPair = metrics.size();
    for (int row = 0; row < comparisons.size(); row += perPair) {
      VariantComparison first = comparisons.get(row);
      b.append("| ").append(first.a()).append(" − ").append(first.b()).append(" |");
      for (VariantComparison c : comparisons.subList(row, row + perPair)) {
        b.append(' ').append(signed(c.difference())).append(interval(c.differenceInterval(), true))
            .append(" | ").append(probability(c.improvement())).append(interval(c.improvementInterval(), false))
            .append(" |");
      }
      b.append('\n');
    }
    b.append("\nFor each pair of variants, seed against seed: **a − b** is the difference of the means across seeds"
        + " with its ").append(Math.round(bootstrap.level() * 100)).append("% bootstrap interval (each variant's"
        + " seeds resampled on their own, ").append(bootstrap.resamples()).append(" resamples); **P(a > b)** is the"
        + " probability that a seed of a scores higher than a seed of b (ties count half; 0.5 = no difference), with"
        + " its interval. An interval that leaves out 0 (or 0.5) is a difference these seeds resolve; the intervals"
        + " are not corrected for the number of comparisons. `comparisons.csv` holds every number.\n");
    return b.toString();
  }

  private static String signed(double v) {
    return Numbers.signed(v);
  }

  private static String probability(double v) {
    return Numbers.fixed(v, 2);
  }

  /** {@code " [lower, upper]"}, or nothing for no interval. */
  private static String interval(Interval i, boolean returns) {
    if (Double.isNaN(i.lower())) {
      return "";
    }
    return returns ? " [" + SummaryTable.fmt(i.lower()) + ", " + SummaryTable.fmt(i.upper()) + "]"
        : " [" + probability(i.lower()) + ", " + probability(i.upper()) + "]";
  }
}
