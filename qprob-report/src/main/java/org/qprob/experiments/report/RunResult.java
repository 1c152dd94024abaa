package org.qprob.experiments.report;

import java.nio.file.Path;
import java.util.List;
import org.qprob.experiments.run.EpisodeRow;
import org.qprob.experiments.run.EvaluationRow;

/**
 * The files of one run as a report reads them.
 *
 * @param variant the variant's name
 * @param seed the run seed
 * @param folder the run's folder
 * @param status {@code finished}, {@code running} (or interrupted), {@code diverged}, {@code failed} or
 *     {@code missing}
 * @param note the provenance's message for a diverged or failed run (where it diverged, why it failed), or null
 * @param episodes its training episodes (empty unless finished)
 * @param evaluations its evaluations (empty unless finished)
 * @param gradientSteps the gradient steps its provenance records, or null if it records none (running, or written
 *     before they were recorded)
 * @param impliedGradientSteps the gradient steps its replay config implies for the env steps its provenance records
 */
public record RunResult(String variant, long seed, Path folder, String status, String note,
    List<EpisodeRow> episodes, List<EvaluationRow> evaluations, Long gradientSteps, long impliedGradientSteps) {
  public RunResult {
    episodes = List.copyOf(episodes);
    evaluations = List.copyOf(evaluations);
  }

  /** Whether the run finished and its results count. */
  public boolean finished() {
    return "finished".equals(status);
  }

  /** Whether a NaN or infinite loss, gradient or parameter stopped the run. */
  public boolean diverged() {
    return "diverged".equals(status);
  }

  /**
   * Whether it recorded far fewer gradient steps than its config implies: none at all, or under half
   * ({@link org.qprob.agents.config.ReplayConfig#impliedGradientSteps}). False when none were recorded.
   */
  public boolean fewGradientSteps() {
    return gradientSteps != null && (gradientSteps == 0 || 2 * gradientSteps < impliedGradientSteps);
  }

  /** Its training returns as a learning curve. */
  public LearningCurve curve() {
    return LearningCurve.of(episodes);
  }

  /** The mean return of its last evaluation; NaN if it has none. */
  public double lastEvaluationReturn() {
    return evaluations.isEmpty() ? Double.NaN : evaluations.get(evaluations.size() - 1).meanReturn();
  }

  /**
   * The mean return of all its greedy evaluations, each weighted alike (they are equally spaced but for the last, at
   * the end of training); NaN without one.
   */
  public double meanEvaluationReturn() {
    return evaluations.stream().mapToDouble(EvaluationRow::meanReturn).average().orElse(Double.NaN);
  }
}
