package org.qprob.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qprob.experiments.config.ExperimentConfig;
import org.qprob.experiments.config.ReportConfig;
import org.qprob.experiments.run.EpisodeRow;

class VariantRankingTest {
  private static final Bootstrap BOOTSTRAP = new Bootstrap(2_000, 0.95, 1L);

  /** A finished run of 10 episodes of 10 steps each, every return {@code level + offset}, offsets by seed. */
  private static RunResult run(String variant, long seed, double level) {
    List<EpisodeRow> rows = new ArrayList<>();
    for (int e = 1; e <= 10; e++) {
      double r = level + (seed - 2) + e * 0.01;
      rows.add(new EpisodeRow(e, 10L * e, r, 10, 0.1, 0.0, Double.NaN, e));
    }
    return new RunResult(variant, seed, Path.of(variant, "seed-" + seed), "finished", null, rows, List.of(), 10L, 10);
  }

  private static ExperimentResults results(String rankBy, Double threshold, double... levels) {
    ExperimentConfig config = ExperimentConfig.defaults("ranked")
        .withReport(new ReportConfig(threshold, 3, 5, rankBy));
    Map<String, List<RunResult>> runs = new LinkedHashMap<>();
    for (int v = 0; v < levels.length; v++) {
      List<RunResult> seeds = new ArrayList<>();
      for (long s = 0; s < 5; s++) {
        seeds.add(run("v" + v, s, levels[v]));
      }
      runs.put("v" + v, seeds);
    }
    return new ExperimentResults(Path.of("ranked"), config, runs);
  }

  @Test
  void variantsAreRankedByTheirMeanAndOnlyClearGapsAreResolved() {
    // v1 best (100), v2 within the seeds' spread of it (99.5), v0 far below (50)
    List<VariantRanking.Rank> ranks = VariantRanking.rank(results("final-return", null, 50, 100, 99.5),
        org.qprob.experiments.config.RankMetric.FINAL_RETURN, BOOTSTRAP);
    assertThat(ranks).extracting(VariantRanking.Rank::variant).containsExactly("v1", "v2", "v0");
    assertThat(ranks.get(0).mean()).isCloseTo(100 + 0.08, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(ranks.get(1).resolved()).isFalse();
    assertThat(ranks.get(1).gap()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(ranks.get(2).resolved()).isTrue();
    assertThat(ranks.get(2).gap()).isCloseTo(50, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(ranks.get(2).bestBeats()).isEqualTo(1.0);
  }

  @Test
  void theSectionSaysWhichDifferencesTheSeedsResolve() {
    String md = VariantRanking.markdown(results("final-return", null, 50, 100, 99.5), BOOTSTRAP);
    assertThat(md).contains("## Ranking by final training return (last 5 ep.)");
    assertThat(md).contains("| 1 | v1 | 5 | 100.1 [");
    assertThat(md).contains("| 3 | v0 | 5 | 50.08 [48.88, 51.28] | +50.00 [");
    assertThat(md).contains("These seeds resolve v1 from 1 of 2 variants; they do not tell it from v2");
  }

  @Test
  void stepsToThresholdRanksFewerFirst() {
    // threshold 60: reached at once by levels >= 62, never by 40
    List<VariantRanking.Rank> ranks = VariantRanking.rank(results("steps-to-threshold", 60.0, 40, 62, 70),
        org.qprob.experiments.config.RankMetric.STEPS_TO_THRESHOLD, BOOTSTRAP);
    assertThat(ranks.get(ranks.size() - 1).variant()).isEqualTo("v0");
    assertThat(ranks.get(ranks.size() - 1).values()).isEmpty();
    assertThat(ranks.get(0).mean()).isLessThanOrEqualTo(ranks.get(1).mean());
  }

  @Test
  void noRankByNoSection() {
    assertThat(VariantRanking.markdown(results(null, null, 50, 100), BOOTSTRAP)).isEmpty();
  }
}
