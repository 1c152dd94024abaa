package org.qprob.experiments.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.config.ConfigReader;
import org.qprob.experiments.config.ExperimentConfig;
import org.qprob.experiments.guice.Plugins;
import org.qprob.experiments.report.ExperimentReport;
import org.qprob.experiments.report.VariantSummary;
import org.qprob.experiments.run.AvailableMemory;
import org.qprob.experiments.run.CodeVersion;
import org.qprob.experiments.run.ExperimentFolder;
import org.qprob.experiments.run.Platform;
import org.qprob.experiments.run.ProgressDisplay;
import org.qprob.experiments.run.RunOutcome;
import org.qprob.experiments.run.RunSpec;
import org.qprob.experiments.runner.ExperimentValidator;
import org.qprob.experiments.runner.RunEngine;
import org.qprob.experiments.runner.RunExecutor;
import org.qprob.experiments.runner.RunPool;
import org.qprob.experiments.runner.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qprob run CONFIG}: reads and validates the config (nothing starts on a bad one), runs every variant × seed
 * on a pool of threads, and writes the report.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run an experiment config: every variant with every seed, in parallel, then write summary.md,"
        + " summary.csv and curves.png.",
        "Results go to results/<experiment name> (a file with several experiments: results/<name> each), or --out."
        + " Runs already finished (or diverged) in that folder with the same config are kept, unfinished ones"
        + " continue from their last checkpoint: an interrupted sweep resumes (see also qprob resume DIR)."})
public final class RunCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "the experiment config, YAML (see docs/experiments.md)")
  private Path config;

  @Option(names = "--out", paramLabel = "DIR",
      description = "the results folder (with several experiments in CONFIG: their parent folder); default results/<name>")
  private Path out;

  @Option(names = "--set", paramLabel = "key.path=value",
      description = "override a config value, e.g. --set budget.episodes=50 --set defaults.agent.gamma=0.98"
          + " --set variants.l2.loss.name=huber (the value is read as YAML; repeatable)")
  private List<String> overrides = new ArrayList<>();

  @Option(names = "--jobs", paramLabel = "N", description = "runs at once; default: the number of cores (${DEFAULT-VALUE})")
  private int jobs = RunPool.cores();

  @Mixin
  private EngineOptions engineOptions = new EngineOptions();

  @Option(names = "--dry-run", description = "validate the config and print the runs, but run nothing")
  private boolean dryRun;

  @Option(names = "--print-config", description = "validate the config and print it resolved (every default explicit,"
      + " each variant complete), but run nothing")
  private boolean printConfig;

  @Override
  public Integer call() {
    if (jobs < 1) {
      throw new ConfigException("--jobs = " + jobs + " is invalid; expected an integer >= 1");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    RunEngine engine = engineOptions.resolve();
    List<ExperimentConfig> read = new ConfigReader().read(config, overrides);
    Plugins plugins = Plugins.load();
    int runs = read.stream().mapToInt(e -> e.variants().size() * e.seeds().values().size()).sum();
    // runs on parallel threads share the heap and the machine's memory
    ExperimentValidator validator = new ExperimentValidator(plugins,
        AvailableMemory.ofThisJvm().sharedBy(Math.min(jobs, runs)));
    Map<Path, ExperimentConfig> experiments = new LinkedHashMap<>();
    for (int i = 0; i < read.size(); i++) {
      String where = read.size() == 1 ? config.toString() : config + " (document " + (i + 1) + ")";
      ExperimentConfig e = validator.validate(read.get(i), where);
      Path dir = read.size() == 1 ? (out != null ? out : Path.of("results", e.name()))
          : (out != null ? out : Path.of("results")).resolve(e.name());
      experiments.put(dir, e);
    }
    List<RunSpec> specs = specs(experiments);
    if (printConfig) {
      experiments.values().forEach(e -> stdout.print((experiments.size() > 1 ? "---\n" : "")
          + ExperimentFolder.configText(e)));
      stdout.flush();
      return 0;
    }
    if (dryRun) {
      experiments.forEach((dir, e) -> {
        stdout.println(e.name() + ": " + e.variants().size() + " variant(s) x " + e.seeds().values().size()
            + " seed(s) -> " + dir);
        e.variants().keySet().forEach(v -> stdout.println("  " + v));
      });
      for (RunSpec s : specs) {
        stdout.println(s.experiment() + " " + s.label() + " -> " + s.outputDir());
      }
      stdout.flush();
      return 0;
    }
    experiments.forEach(ExperimentFolder::check);
    refuseOtherRuns(specs, plugins);
    experiments.forEach(ExperimentFolder::prepare);
    return execute(experiments, specs, engine, new RunSettings(plugins, CodeVersion.detect(),
        experiments.values().iterator().next().report().finalEpisodes(), jobs, engineOptions.master), stdout, stderr);
  }

  /**
   * Refuses, before anything is written, run folders that hold another config's run (an {@code experiment.yaml}
   * edited after the runs started, or files copied in): running there would replace them.
   */
  static void refuseOtherRuns(List<RunSpec> specs, Plugins plugins) {
    RunExecutor probe = new RunExecutor(plugins, null, null, Clock.systemUTC(), 1);
    for (RunSpec s : specs) {
      if (probe.holdsAnotherRun(s)) {
        throw new ConfigException(s.folder() + ": holds a run of another config (its config.yaml differs from the"
            + " run the experiment gives); expected the experiment.yaml the runs started with, or a new folder");
      }
    }
  }

  /**
   * Runs {@code specs} of {@code experiments} (folders already prepared) on {@code engine} — runs already ended are
   * kept, unfinished ones continue from their checkpoints — then, once every run has ended, writes each experiment's
   * report. Returns the exit code: 0, or {@link QprobCommand#FAILED} if a run failed, diverged or took no gradient
   * step.
   */
  static int execute(Map<Path, ExperimentConfig> experiments, List<RunSpec> specs, RunEngine engine,
      RunSettings settings, PrintWriter stdout, PrintWriter stderr) {
    stderr.println(String.format(Locale.ROOT, "qprob: %d run(s) of %s on %s", specs.size(),
        experiments.keySet(), engine.where(settings, specs.size())));
    stderr.flush();
    PrintStream terminal = System.console() != null ? System.err : null;
    List<RunOutcome> outcomes;
    try (ProgressDisplay display = new ProgressDisplay(specs, stderr, terminal)) {
      outcomes = engine.run(specs, settings, display);
    }
    for (Path dir : experiments.keySet()) {
      printSummary(stdout, dir, ExperimentReport.render(dir));
    }
    long failed = outcomes.stream().filter(RunOutcome::failed).count();
    long diverged = outcomes.stream().filter(RunOutcome::diverged).count();
    if (diverged > 0) {
      stderr.println("qprob: " + diverged + " of " + outcomes.size() + " runs diverged (a NaN or infinite loss,"
          + " gradient or parameter); their provenance.json says at which env step, their files are kept");
    }
    if (failed > 0) {
      stderr.println("qprob: " + failed + " of " + outcomes.size() + " runs failed; their error.txt says why;"
          + " rerunning continues them from their last checkpoint");
    }
    long idle = outcomes.stream().filter(o -> o.fewGradientSteps() && o.gradientSteps() == 0).count();
    long few = outcomes.stream().filter(RunOutcome::fewGradientSteps).count() - idle;
    if (idle > 0) {
      stderr.println("qprob: " + idle + " of " + outcomes.size() + " runs took no gradient step, so they learned"
          + " nothing (agent.replay.learningStarts counts env steps; is it beyond the budget?); summary.md lists them");
    }
    if (few > 0) {
      stderr.println("qprob: warning: " + few + " of " + outcomes.size() + " runs took under half the gradient steps"
          + " their config implies; summary.md lists them");
    }
    stderr.flush();
    return failed + diverged + idle > 0 ? QprobCommand.FAILED : 0;
  }

  /** Every variant × seed of every experiment, seed-major so early results cover every variant. */
  static List<RunSpec> specs(Map<Path, ExperimentConfig> experiments) {
    List<RunSpec> specs = new ArrayList<>();
    int maxSeeds = experiments.values().stream().mapToInt(e -> e.seeds().values().size()).max().orElse(0);
    for (int k = 0; k < maxSeeds; k++) {
      for (Map.Entry<Path, ExperimentConfig> e : experiments.entrySet()) {
        List<Long> seeds = e.getValue().seeds().values();
        if (k < seeds.size()) {
          for (String variant : e.getValue().variants().keySet()) {
            specs.add(RunSpec.of(e.getValue(), variant, seeds.get(k), e.getKey()));
          }
        }
      }
    }
    return specs;
  }

  /** A few lines per experiment: where the report is and each variant's final return. */
  static void printSummary(PrintWriter out, Path dir, List<VariantSummary> summaries) {
    out.println("wrote " + dir.resolve(ExperimentReport.SUMMARY_MD) + ", " + ExperimentReport.SUMMARY_CSV + ", "
        + (summaries.size() > 1 ? ExperimentReport.COMPARISONS_CSV + ", " : "") + ExperimentReport.CURVES);
    for (VariantSummary s : summaries) {
      if (s.episodes().n() > 0 && !(s.episodes().mean() > 0) && s.gradientSteps().mean() > 0) {
        // an offline run (no training episodes, gradient steps taken): its greedy evaluation is its result
        out.println(String.format(Locale.ROOT, "  %-24s greedy eval %8.2f [%.2f, %.2f] (%d seed(s)%s)", s.variant(),
            s.finalEvaluation().mean(), s.finalEvaluation().interval().lower(), s.finalEvaluation().interval().upper(),
            s.seeds(), s.unfinished() > 0 ? ", " + s.unfinished() + " unfinished" : ""));
        continue;
      }
      out.println(String.format(Locale.ROOT, "  %-24s final training return %8.2f [%.2f, %.2f], greedy eval %8.2f"
          + " (%d seed(s)%s)", s.variant(), s.finalTraining().mean(), s.finalTraining().interval().lower(),
          s.finalTraining().interval().upper(), s.finalEvaluation().mean(), s.seeds(),
          s.unfinished() > 0 ? ", " + s.unfinished() + " unfinished" : ""));
    }
    out.flush();
  }
}
