package org.qprob.experiments.report;

import java.util.ArrayList;
import java.util.List;
import org.qprob.experiments.config.ExperimentConfig;

/**
 * Writes an experiment's {@link VariantSummary}s as {@code summary.csv} (one row per variant, every number) and
 * {@code summary.md} (a readable table with the definitions of its columns).
 */
public final class SummaryTable {
  /** The CSV columns, in order. */
  public static final List<String> COLUMNS = List.of("variant", "seeds", "unfinished",
      "final_train_mean", "final_train_ci_low", "final_train_ci_high", "final_train_iqm",
      "final_eval_mean", "final_eval_ci_low", "final_eval_ci_high", "final_eval_iqm",
      "threshold", "never_reached",
      "episodes_to_threshold_mean", "episodes_to_threshold_ci_low", "episodes_to_threshold_ci_high",
      "env_steps_to_threshold_mean", "env_steps_to_threshold_ci_low", "env_steps_to_threshold_ci_high",
      "auc_per_episode_mean", "auc_per_episode_ci_low", "auc_per_episode_ci_high",
      "auc_per_env_step_mean", "auc_per_env_step_ci_low", "auc_per_env_step_ci_high",
      "episodes_mean", "env_steps_mean", "gradient_steps_mean");

  private SummaryTable() {}

  /** The text of {@code summary.csv}. */
  public static String csv(List<VariantSummary> summaries) {
    StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (VariantSummary s : summaries) {
      List<String> f = new ArrayList<>();
      f.add(s.variant());
      f.add(Integer.toString(s.seeds()));
      f.add(Integer.toString(s.unfinished()));
      aggregate(f, s.finalTraining(), true);
      aggregate(f, s.finalEvaluation(), true);
      f.add(s.threshold() == null ? "" : Double.toString(s.threshold()));
      f.add(s.threshold() == null ? "" : Integer.toString(s.neverReached()));
      aggregate(f, s.episodesToThreshold(), false);
      aggregate(f, s.envStepsToThreshold(), false);
      aggregate(f, s.areaPerEpisode(), false);
      aggregate(f, s.areaPerEnvStep(), false);
      f.add(number(s.episodes().mean()));
      f.add(number(s.envSteps().mean()));
      f.add(number(s.gradientSteps().mean()));
      b.append(String.join(",", f)).append('\n');
    }
    return b.toString();
  }

  private static void aggregate(List<String> f, SeedAggregate a, boolean withIqm) {
    f.add(number(a.mean()));
    f.add(number(a.interval().lower()));
    f.add(number(a.interval().upper()));
    if (withIqm) {
      f.add(number(a.iqm()));
    }
  }

  static String number(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  /** The text of {@code summary.md}. */
  public static String markdown(ExperimentConfig config, List<VariantSummary> summaries, List<RunResult> unfinished,
      List<RunResult> fewGradientSteps, Bootstrap bootstrap) {
    int window = config.report().window();
    int last = config.report().finalEpisodes();
    Double threshold = config.report().threshold();
    StringBuilder b = new StringBuilder();
    b.append("# ").append(config.name()).append("\n\n");
    if (!config.description().isBlank()) {
      b.append(config.description().strip()).append("\n\n");
    }
    b.append("Environment `").append(config.env().id()).append('`')
        .append(config.env().options().isEmpty() ? "" : " " + config.env().options())
        .append("; budget ").append(config.budget()).append(" per run; seeds ").append(config.seeds().values())
        .append("; evaluation ")
        .append(config.evaluation().enabled() ? "every " + config.evaluation().everyEnvSteps() + " "
            + config.budget().stepUnit() + " and at the"
            + " end, " + config.evaluation().episodes() + " greedy episodes" : "off")
        .append(".\n\n");
    if (config.budget().offline()) {
      offlineTable(b, config, summaries);
    } else {
      onlineTable(b, summaries, last, threshold);
    }
    b.append("\nEach cell is the mean across seeds with its ").append(Math.round(bootstrap.level() * 100))
        .append("% percentile-bootstrap confidence interval in brackets (").append(bootstrap.resamples())
        .append(" resamples of the seeds, fixed resampling seed).\n\n");
    if (config.budget().offline()) {
      offlineDefinitions(b, config);
    } else {
      onlineDefinitions(b, config, window, last, threshold);
    }
    if (!fewGradientSteps.isEmpty()) {
      b.append("\n**Warning: ").append(fewGradientSteps.size()).append(" finished run(s) took far fewer gradient steps"
          + " than their config implies, so they barely learned or not at all:** ");
      List<String> names = new ArrayList<>();
      for (RunResult r : fewGradientSteps) {
        names.add(r.variant() + "/seed-" + r.seed() + " (" + r.gradientSteps() + " gradient steps, "
            + (r.impliedGradientSteps() == 0 ? "learning never started" : r.impliedGradientSteps() + " implied") + ")");
      }
      b.append(String.join(", ", names)).append(". Check `agent.replay` (learningStarts counts env steps,"
          + " updateEvery, gradientSteps) against the budget.\n");
    }
    List<RunResult> diverged = unfinished.stream().filter(RunResult::diverged).toList();
    List<RunResult> others = unfinished.stream().filter(r -> !r.diverged()).toList();
    if (!diverged.isEmpty()) {
      b.append("\n**").append(diverged.size()).append(" run(s) diverged and are left out:** ");
      List<String> names = new ArrayList<>();
      for (RunResult r : diverged) {
        names.add(r.variant() + "/seed-" + r.seed() + " (" + (r.note() == null ? "diverged" : r.note()) + ")");
      }
      b.append(String.join(", ", names)).append(". A NaN or infinite loss, gradient or parameter stopped them; their files"
          + " hold the episodes up to then.\n");
    }
    if (!others.isEmpty()) {
      b.append("\n**").append(others.size()).append(" run(s) did not finish and are left out:** ");
      List<String> names = new ArrayList<>();
      for (RunResult r : others) {
        names.add(r.variant() + "/seed-" + r.seed() + " (" + r.status() + ")");
      }
      b.append(String.join(", ", names)).append(".\n");
    }
    b.append("\nPlot: `curves.png`. Per-run files: `<variant>/seed-<seed>/`.\n");
    return b.toString();
  }

  /** The table of an online experiment: training and evaluation returns, the threshold, the areas. */
  private static void onlineTable(StringBuilder b, List<VariantSummary> summaries, int last, Double threshold) {
    b.append("| variant | seeds | final training return (last ").append(last).append(" ep.) | IQM | final greedy eval | IQM |");
    if (threshold != null) {
      b.append(" episodes to ").append(fmt(threshold)).append(" | env steps to ").append(fmt(threshold))
          .append(" | never reached |");
    }
    b.append(" mean return over episodes (AUC) | mean return over env steps (AUC) | env steps | gradient steps |\n");
    b.append("|---|---|---|---|---|---|").append(threshold != null ? "---|---|---|" : "").append("---|---|---|---|\n");
    for (VariantSummary s : summaries) {
      b.append("| ").append(s.variant()).append(" | ").append(s.seeds())
          .append(s.unfinished() > 0 ? " (+" + s.unfinished() + " unfinished" + (s.diverged() > 0 ? ", of which "
              + s.diverged() + " diverged" : "") + ")" : "")
          .append(" | ").append(withInterval(s.finalTraining())).append(" | ").append(fmt(s.finalTraining().iqm()))
          .append(" | ").append(withInterval(s.finalEvaluation())).append(" | ").append(fmt(s.finalEvaluation().iqm()))
          .append(" |");
      if (threshold != null) {
        b.append(' ').append(withInterval(s.episodesToThreshold())).append(" | ")
            .append(withInterval(s.envStepsToThreshold())).append(" | ").append(s.neverReached()).append('/')
            .append(s.seeds()).append(" |");
      }
      b.append(' ').append(withInterval(s.areaPerEpisode())).append(" | ").append(withInterval(s.areaPerEnvStep()))
          .append(" | ").append(fmt(s.envSteps().mean())).append(" | ").append(fmt(s.gradientSteps().mean()))
          .append(" |\n");
    }
  }

  private static void onlineDefinitions(StringBuilder b, ExperimentConfig config, int window, int last,
      Double threshold) {
    b.append("- **final training return**: per seed, the mean return of its last ").append(last)
        .append(" training episodes (played with the exploratory policy).\n");
    b.append("- **final greedy eval**: per seed, the mean return of the last greedy evaluation (")
        .append(config.evaluation().episodes()).append(" episodes on an environment seeded apart from training,"
            + " run when training ended).\n");
    b.append("- **IQM**: interquartile mean across seeds, the mean after dropping the lowest and highest quarter"
        + " (floor(n/4) seeds each side).\n");
    if (threshold != null) {
      b.append("- **episodes / env steps to ").append(fmt(threshold)).append("**: the first episode at which the mean of"
          + " the last ").append(window).append(" training returns reached ").append(fmt(threshold))
          .append(" (full windows only), and the env steps at its end; averaged over the seeds that reached it."
              + " **never reached** counts the others.\n");
    } else {
      b.append("- no threshold: the environment has no reward threshold and the config set none"
          + " (`report.threshold`).\n");
    }
    b.append("- **mean return over episodes (AUC)**: the area under the training return-versus-episode curve divided"
        + " by the number of episodes, i.e. the mean training return of the whole run.\n");
    b.append("- **mean return over env steps (AUC)**: the area under the training return-versus-env-steps curve"
        + " (trapezoid rule, each episode's return placed at the step it ended) divided by the steps it spans.\n");
    b.append("- **env steps**, **gradient steps**: per seed, the training env steps taken and the gradient steps the"
        + " agent took in them (– for runs written before gradient steps were recorded).\n");
  }

  /**
   * The table of an offline experiment (trained for gradient steps on a dataset): no training episodes, so only its
   * greedy evaluations.
   */
  private static void offlineTable(StringBuilder b, ExperimentConfig config, List<VariantSummary> summaries) {
    b.append("| variant | seeds | final greedy eval | IQM | mean greedy eval over the run | gradient steps |\n");
    b.append("|---|---|---|---|---|---|\n");
    for (VariantSummary s : summaries) {
      b.append("| ").append(s.variant()).append(" | ").append(s.seeds())
          .append(s.unfinished() > 0 ? " (+" + s.unfinished() + " unfinished" + (s.diverged() > 0 ? ", of which "
              + s.diverged() + " diverged" : "") + ")" : "")
          .append(" | ").append(withInterval(s.finalEvaluation())).append(" | ").append(fmt(s.finalEvaluation().iqm()))
          .append(" | ").append(withInterval(s.meanEvaluation())).append(" | ").append(fmt(s.gradientSteps().mean()))
          .append(" |\n");
    }
  }

  private static void offlineDefinitions(StringBuilder b, ExperimentConfig config) {
    b.append("- **final greedy eval**: per seed, the mean return of the last greedy evaluation (")
        .append(config.evaluation().episodes()).append(" episodes, run when training ended). An offline run learns"
            + " from its dataset alone and has no training episodes.\n");
    b.append("- **IQM**: interquartile mean across seeds, the mean after dropping the lowest and highest quarter"
        + " (floor(n/4) seeds each side).\n");
    b.append("- **mean greedy eval over the run**: per seed, the mean return of all its greedy evaluations (every ")
        .append(config.evaluation().everyEnvSteps()).append(" gradient steps and at the end): how good the policy was"
            + " along the way, not only where training stopped.\n");
    b.append("- **gradient steps**: per seed, the gradient steps its agent took.\n");
  }

  private static String withInterval(SeedAggregate a) {
    if (a.n() == 0) {
      return Numbers.MISSING;
    }
    return fmt(a.mean()) + " [" + fmt(a.interval().lower()) + ", " + fmt(a.interval().upper()) + "]";
  }

  static String fmt(double v) {
    return Numbers.of(v);
  }

}
