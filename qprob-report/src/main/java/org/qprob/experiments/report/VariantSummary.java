package org.qprob.experiments.report;

import java.util.List;
import java.util.OptionalInt;

/**
 * One variant's results across its finished seeds. Every aggregate is over seeds: one value per seed, then the mean
 * with a bootstrap confidence interval and the interquartile mean.
 *
 * @param variant the variant's name
 * @param seeds finished seeds counted
 * @param unfinished seeds configured but not finished (missing, interrupted, diverged or failed)
 * @param diverged of those, the seeds a NaN or infinite loss, gradient or parameter stopped
 * @param finalTraining per seed, the mean training return of its last {@code finalEpisodes} episodes
 * @param finalEvaluation per seed, the mean return of its last greedy evaluation (NaN seeds, without one, left out)
 * @param threshold the return counted as solving the task; null if none
 * @param episodesToThreshold per seed that reached it, the first episode whose trailing {@code window}-episode mean
 *     reached the threshold
 * @param envStepsToThreshold per seed that reached it, the env steps at the end of that episode
 * @param neverReached seeds that never reached the threshold (0 when there is none)
 * @param areaPerEpisode per seed, the area under return-versus-episode divided by the episodes: the mean training
 *     return over the run
 * @param areaPerEnvStep per seed, the area under return-versus-env-steps (trapezoid rule, each episode's return at the
 *     step it ended) divided by the steps spanned
 * @param episodes per seed, the training episodes run
 * @param envSteps per seed, the training env steps taken
 * @param gradientSteps per seed that recorded them, the gradient steps its agent took
 * @param meanEvaluation per seed with evaluations, the mean return of all its greedy evaluations (what an offline
 *     run, which has no training episodes, is summarised by besides its last evaluation)
 */
public record VariantSummary(String variant, int seeds, int unfinished, int diverged, SeedAggregate finalTraining,
    SeedAggregate finalEvaluation, Double threshold, SeedAggregate episodesToThreshold,
    SeedAggregate envStepsToThreshold, int neverReached, SeedAggregate areaPerEpisode, SeedAggregate areaPerEnvStep,
    SeedAggregate episodes, SeedAggregate envSteps, SeedAggregate gradientSteps, SeedAggregate meanEvaluation) {

  /**
   * Summarises the finished runs of one variant.
   *
   * @param threshold the solving threshold, or null
   * @param window the moving-average window of the threshold test
   * @param finalEpisodes how many last episodes the final training return averages
   */
  public static VariantSummary of(String variant, List<RunResult> runs, Double threshold, int window,
      int finalEpisodes, Bootstrap bootstrap) {
    List<RunResult> done = runs.stream().filter(RunResult::finished).toList();
    int n = done.size();
    double[] areaEpisode = new double[n];
    double[] episodes = new double[n];
    double[] steps = new double[n];
    double[] toThresholdEpisodes = new double[n];
    double[] toThresholdSteps = new double[n];
    double[] gradientSteps = new double[n];
    int never = 0;
    for (int i = 0; i < n; i++) {
      RunResult r = done.get(i);
      LearningCurve c = r.curve();
      areaEpisode[i] = c.areaPerEpisode();
      episodes[i] = c.episodes();
      steps[i] = c.totalEnvSteps();
      gradientSteps[i] = r.gradientSteps() == null ? Double.NaN : r.gradientSteps();
      toThresholdEpisodes[i] = Double.NaN;
      toThresholdSteps[i] = Double.NaN;
      if (threshold != null) {
        OptionalInt reached = c.firstEpisodeReaching(threshold, window);
        if (reached.isPresent()) {
          toThresholdEpisodes[i] = reached.getAsInt();
          toThresholdSteps[i] = c.envStepsAtEpisode(reached.getAsInt());
        } else {
          never++;
        }
      }
    }
    int diverged = (int) runs.stream().filter(RunResult::diverged).count();
    return new VariantSummary(variant, n, runs.size() - n, diverged,
        SeedAggregate.of(SeedMetric.FINAL_TRAINING.of(done, finalEpisodes), bootstrap),
        SeedAggregate.of(SeedMetric.FINAL_EVALUATION.of(done, finalEpisodes), bootstrap), threshold,
        SeedAggregate.of(toThresholdEpisodes, bootstrap), SeedAggregate.of(toThresholdSteps, bootstrap), never,
        SeedAggregate.of(areaEpisode, bootstrap),
        SeedAggregate.of(SeedMetric.AUC_PER_ENV_STEP.of(done, finalEpisodes), bootstrap),
        SeedAggregate.of(episodes, bootstrap), SeedAggregate.of(steps, bootstrap),
        SeedAggregate.of(gradientSteps, bootstrap), SeedAggregate.of(done.stream()
            .mapToDouble(RunResult::meanEvaluationReturn).filter(v -> !Double.isNaN(v)).toArray(), bootstrap));
  }
}
