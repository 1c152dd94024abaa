package org.qprob.experiments.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.qprob.agents.dataset.Dataset;
import org.qprob.agents.offline.OfflineLearner;
import org.qprob.agents.offline.OfflineTrainingLoop;
import org.qprob.agents.training.Budget;
import org.qprob.agents.training.GreedyEvaluation;
import org.qprob.agents.training.TrainingLoop;
import org.qprob.agents.training.TrainingSummary;
import org.qprob.api.agent.Agent;
import org.qprob.api.run.EvaluationRecord;
import org.qprob.api.run.TrainingPosition;
import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.config.ConfigMapper;
import org.qprob.experiments.guice.PluginModule;
import org.qprob.experiments.guice.Plugins;
import org.qprob.experiments.guice.RunModule;
import org.qprob.experiments.observe.Checkpointer;
import org.qprob.experiments.observe.DivergenceGuard;
import org.qprob.experiments.observe.DivergenceGuard.Divergence;
import org.qprob.experiments.observe.FinalReturns;
import org.qprob.experiments.observe.ObserverModule;
import org.qprob.experiments.observe.RunObservers;
import org.qprob.experiments.observe.RunStart;
import org.qprob.experiments.run.AtomicFiles;
import org.qprob.experiments.run.CodeVersion;
import org.qprob.experiments.run.CsvFile;
import org.qprob.experiments.run.CsvLog;
import org.qprob.experiments.run.EpisodeRow;
import org.qprob.experiments.run.EvaluationRow;
import org.qprob.experiments.run.Platform;
import org.qprob.experiments.run.Provenance;
import org.qprob.experiments.run.RunCheckpoint;
import org.qprob.experiments.run.RunFiles;
import org.qprob.experiments.run.RunOutcome;
import org.qprob.experiments.run.RunProgress;
import org.qprob.experiments.run.RunSpec;

/**
 * Executes one {@link RunSpec} in the calling thread: builds the run's own injector, trains, evaluates, and writes the
 * run's folder — {@code config.yaml} and {@code provenance.json} first, {@code episodes.csv} and {@code eval.csv} row
 * by row under {@code .partial} names, a {@link RunCheckpoint} at the first episode boundary at or after every
 * {@code checkpoint.everyEnvSteps} env steps and once when training ends, the final agent, then the CSVs' final names
 * and the finished provenance. Agents that predict values also get {@code calibration.csv} ({@link RunCalibration}).
 * An offline agent ({@link OfflineLearner}, with a budget of gradient steps) is handed its dataset and trained by an
 * {@link OfflineTrainingLoop} publishing the same events, its clock the gradient step.
 *
 * <p>A folder holding this run unfinished (same {@code config.yaml}, provenance {@code running} or {@code failed}, a
 * readable checkpoint) is continued from its checkpoint: the CSVs are cut back to the lengths the checkpoint recorded,
 * the agent is restored, and the loop goes on from the checkpoint's position, so the files end up as an uninterrupted
 * run's (apart from the wall-clock columns). Otherwise the run starts afresh.
 *
 * <p>A NaN or infinite loss (checked at every gradient step) or parameter (checked at every episode end, for agents
 * that implement {@link FiniteParameters}) stops the run: its provenance says {@code diverged} with the env step, its
 * CSVs get their final names with the rows up to then, and its last checkpoint is kept. A run that throws leaves its
 * provenance {@code failed}, its stack trace in {@code error.txt}, and its checkpoint, from which a rerun continues.
 */
public final class RunExecutor {
  private final Plugins plugins;
  private final CodeVersion code;
  private final Platform platform;
  private final Clock clock;
  private final int finalEpisodes;
  private final ObjectMapper yaml = ConfigMapper.strictYaml();
  private final ObjectMapper json = ConfigMapper.json();

  /**
   * @param plugins what the runs' injectors bind
   * @param code the code version for provenance
   * @param platform the platform for provenance
   * @param clock the clock of the provenance times
   * @param finalEpisodes how many last episodes the outcome's final return averages
   */
  public RunExecutor(Plugins plugins, CodeVersion code, Platform platform, Clock clock, int finalEpisodes) {
    this.plugins = plugins;
    this.code = code;
    this.platform = platform;
    this.clock = clock;
    this.finalEpisodes = finalEpisodes;
  }

  /**
   * Runs {@code spec} unless its folder holds it ended: a run ended for good (finished or diverged, {@link #ended}) is
   * skipped and reported as such, any other is executed ({@link #execute}: afresh, or from its checkpoint). What every
   * engine does with each run.
   */
  public RunOutcome runOrSkip(RunSpec spec, RunProgress progress) {
    Optional<Provenance> ended = ended(spec);
    if (ended.isPresent()) {
      RunOutcome skipped = RunOutcome.skipped(spec, ended.get().status(), ended.get().error());
      progress.ended(skipped);
      return skipped;
    }
    return execute(spec, progress);
  }

  /** The injector of one run: the plugin maps and the run's parts. */
  public static Injector injector(Plugins plugins, RunSpec spec) {
    return Guice.createInjector(new PluginModule(plugins), new RunModule(spec));
  }

  /**
   * The provenance of this very run if its folder holds it ended for good — finished or diverged, with the same
   * config and its episode log under its final name; such a run is never run again nor overwritten.
   */
  public Optional<Provenance> ended(RunSpec spec) {
    Path folder = spec.folder();
    try {
      Path config = folder.resolve(RunFiles.CONFIG);
      Path provenance = folder.resolve(RunFiles.PROVENANCE);
      if (!Files.isRegularFile(config) || !Files.isRegularFile(provenance)
          || !Files.isRegularFile(folder.resolve(RunFiles.EPISODES))) {
        return Optional.empty();
      }
      boolean sameConfig = sameRun(config, spec);
      Provenance p = json.readValue(provenance.toFile(), Provenance.class);
      return sameConfig && p.hasEnded() ? Optional.of(p) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@code spec}'s folder holds another run's files: a {@code config.yaml} that does not describe this run
   * (or cannot be read). Executing the run there would replace them, so callers refuse such a folder beforehand.
   */
  public boolean holdsAnotherRun(RunSpec spec) {
    Path config = spec.folder().resolve(RunFiles.CONFIG);
    if (!Files.exists(config)) {
      return false;
    }
    try {
      return !sameRun(config, spec);
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  /** Runs {@code spec}; never throws for a failure of the run itself, which the outcome reports. */
  public RunOutcome execute(RunSpec spec, RunProgress progress) {
    String configText = configText(spec);
    RunStart start = resume(spec, configText).orElseGet(() -> fresh(spec, configText));
    Stopwatch clock = new Stopwatch(start.resumedFrom().map(TrainingPosition::wallSeconds).orElse(0.0));
    Long resumedAt = start.resumedFrom().map(p -> spec.budget().offline() ? p.gradientSteps() : p.envSteps())
        .orElse(null);
    try {
      Injector injector = injector(plugins, spec).createChildInjector(
          new ObserverModule(start, progress, finalEpisodes, plugins.observers().all()));
      Agent agent = injector.getInstance(Agent.class);
      if (agent instanceof OfflineLearner learner) {
        learner.learnFrom(injector.getInstance(Dataset.class));
      }
      if (start.checkpoint() != null) {
        // straight from the file: the start holds the checkpoint's fields, not its bytes
        RunCheckpoint.restoreAgent(spec.folder().resolve(RunFiles.CHECKPOINT), agent::restore);
      }
      try (RunObservers observers = injector.getInstance(RunObservers.class)) {
        TrainingSummary summary = start.checkpoint() != null && start.checkpoint().trainingDone()
            ? trained(start.checkpoint().position())
            : spec.budget().offline() ? trainOffline(spec, injector, offline(spec, agent), start, observers, clock)
            : train(spec, injector, start, observers, clock);
        Optional<Divergence> divergence = injector.getInstance(DivergenceGuard.class).afterTraining(summary.envSteps());
        if (divergence.isEmpty()) {
          injector.getInstance(Checkpointer.class).copyLastAgent(spec.folder().resolve(RunFiles.AGENT));
        }
        observers.completed(divergence.isEmpty());
        double finalReturn = injector.getInstance(FinalReturns.class).mean();
        return ended(spec, progress, divergence.isEmpty()
            ? outcome(spec, start.provenance().finished(now(), clock.seconds(), summary.episodes(), summary.envSteps(),
                summary.gradientSteps()), summary, finalReturn, clock, null, resumedAt)
            : outcome(spec, start.provenance().diverged(now(), clock.seconds(), summary.episodes(), summary.envSteps(),
                summary.gradientSteps(), divergence.get().envStep(), divergence.get().message()), summary, finalReturn,
                clock, divergence.get().message(), resumedAt));
      }
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      start.closeLogs();
      String message = ConfigException.oneLine(e.getClass().getSimpleName() + ": " + e.getMessage());
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      AtomicFiles.writeString(spec.folder().resolve(RunFiles.ERROR), trace.toString());
      writeProvenance(spec.folder(), start.provenance().failed(now(), clock.seconds(), message));
      return ended(spec, progress, new RunOutcome(spec, Provenance.FAILED, false, 0, 0, 0, Double.NaN, clock.seconds(),
          message, resumedAt));
    }
  }

  /**
   * Trains from the start's position to the budget with the observers subscribed, then runs the last evaluation
   * (unless one just ran at the last step; evaluations run at multiples of their period) and writes the checkpoint of
   * the trained run. A run that diverged stops where it did, without either.
   */
  private TrainingSummary train(RunSpec spec, Injector injector, RunStart start, RunObservers observers,
      Stopwatch clock) {
    GreedyEvaluation evaluation = injector.getInstance(GreedyEvaluation.class);
    TrainingLoop loop = observers.publishing(injector.getInstance(TrainingLoop.class), spec.checkpoint().everyEnvSteps());
    if (spec.evaluation().enabled()) {
      loop = loop.withEvaluation(evaluation, spec.evaluation().everyEnvSteps(), observers::evaluated);
    }
    if (start.checkpoint() != null) {
      loop = loop.startingFrom(start.checkpoint().position());
    }
    TrainingSummary summary = loop.run(spec.budget().inEpisodes() ? Budget.episodes(spec.budget().episodes())
        : Budget.steps(spec.budget().envSteps()));
    if (injector.getInstance(DivergenceGuard.class).afterTraining(summary.envSteps()).isPresent()) {
      return summary;
    }
    if (spec.evaluation().enabled() && summary.envSteps() % spec.evaluation().everyEnvSteps() != 0) {
      double[] returns = evaluation.run(injector.getInstance(Agent.class));
      observers.evaluated(EvaluationRecord.of(summary.envSteps(), summary.episodes(), returns, clock.seconds()));
    }
    observers.checkpointing(new TrainingPosition(summary.episodes(), summary.envSteps(), summary.gradientSteps(),
        clock.seconds()), true);
    return summary;
  }

  /**
   * Trains an offline agent from the start's position to the budget of gradient steps with the observers subscribed,
   * then as {@link #train}: the last evaluation unless one just ran, and the checkpoint of the trained run. The
   * offline clock is the gradient step: evaluations and checkpoints come at multiples of their periods in gradient
   * steps, and each evaluation is published at the gradient step it ran after.
   */
  private TrainingSummary trainOffline(RunSpec spec, Injector injector, OfflineLearner learner, RunStart start,
      RunObservers observers, Stopwatch clock) {
    GreedyEvaluation evaluation = injector.getInstance(GreedyEvaluation.class);
    OfflineTrainingLoop loop = observers.publishing(new OfflineTrainingLoop(learner),
        spec.checkpoint().everyEnvSteps());
    if (spec.evaluation().enabled()) {
      loop = loop.withEvaluation(evaluation, spec.evaluation().everyEnvSteps(), observers::evaluated);
    }
    if (start.checkpoint() != null) {
      loop = loop.startingFrom(start.checkpoint().position());
    }
    TrainingSummary summary = loop.run(spec.budget().gradientSteps());
    if (injector.getInstance(DivergenceGuard.class).afterTraining(summary.gradientSteps()).isPresent()) {
      return summary;
    }
    if (spec.evaluation().enabled() && summary.gradientSteps() % spec.evaluation().everyEnvSteps() != 0) {
      double[] returns = evaluation.run(learner);
      observers.evaluated(EvaluationRecord.of(summary.gradientSteps(), 0, returns, clock.seconds()));
    }
    observers.checkpointing(new TrainingPosition(0, 0, summary.gradientSteps(), clock.seconds()), true);
    return summary;
  }

  /** The agent of an offline run; one line if the run's agent learns online. */
  private static OfflineLearner offline(RunSpec spec, Agent agent) {
    if (agent instanceof OfflineLearner learner) {
      return learner;
    }
    throw new IllegalArgumentException("budget.gradientSteps trains offline agents; agent.type = "
        + spec.config().agent().type() + " learns online");
  }

  /** The summary of a run whose training had ended at {@code p} before it was interrupted. */
  private static TrainingSummary trained(TrainingPosition p) {
    return new TrainingSummary(p.episodes(), p.envSteps(), p.gradientSteps(), false, p.wallSeconds());
  }

  private RunOutcome outcome(RunSpec spec, Provenance provenance, TrainingSummary summary, double finalReturn,
      Stopwatch clock, String message, Long resumedAt) {
    writeProvenance(spec.folder(), provenance);
    return new RunOutcome(spec, provenance.status(), false, summary.episodes(), summary.envSteps(),
        summary.gradientSteps(), finalReturn, clock.seconds(), message, resumedAt);
  }

  private static RunOutcome ended(RunSpec spec, RunProgress progress, RunOutcome outcome) {
    progress.ended(outcome);
    return outcome;
  }

  private String now() {
    return Instant.now(clock).toString();
  }

  /** Wall-clock seconds of a run, continuing from those of the attempts before it. */
  private static final class Stopwatch {
    private final long startNanos;

    Stopwatch(double offsetSeconds) {
      startNanos = System.nanoTime() - Math.round(offsetSeconds * 1e9);
    }

    double seconds() {
      return (System.nanoTime() - startNanos) * 1e-9;
    }
  }

  /** Empties the run's folder of an earlier attempt's files and opens new logs. */
  private RunStart fresh(RunSpec spec, String configText) {
    Path folder = spec.folder();
    Provenance provenance = Provenance.started(spec, Instant.now(clock).toString(), code, platform);
    try {
      Files.createDirectories(folder);
      for (Path p : RunFiles.all(folder)) {
        Files.deleteIfExists(p);
      }
      AtomicFiles.writeString(folder.resolve(RunFiles.CONFIG), configText);
      writeProvenance(folder, provenance);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare run folder " + folder + ": " + e.getMessage(), e);
    }
    CsvLog episodes = new CsvLog(folder.resolve(RunFiles.EPISODES), EpisodeRow.COLUMNS);
    CsvLog evaluations;
    try {
      evaluations = new CsvLog(folder.resolve(RunFiles.EVALUATIONS), EvaluationRow.COLUMNS);
    } catch (RuntimeException e) {
      episodes.close();
      throw e;
    }
    return new RunStart(configText, provenance, null, RunCheckpoint.hash(identity(spec)), episodes, evaluations,
        List.of());
  }

  /**
   * The start from the folder's checkpoint, if the folder holds this run unfinished with a checkpoint of this config
   * and logs at least as long as it recorded; else empty (the run starts afresh).
   */
  private Optional<RunStart> resume(RunSpec spec, String configText) {
    Path folder = spec.folder();
    Path checkpointFile = folder.resolve(RunFiles.CHECKPOINT);
    Path provenanceFile = folder.resolve(RunFiles.PROVENANCE);
    Path configFile = folder.resolve(RunFiles.CONFIG);
    if (!Files.isRegularFile(checkpointFile) || !Files.isRegularFile(provenanceFile)
        || !Files.isRegularFile(configFile)) {
      return Optional.empty();
    }
    RunCheckpoint checkpoint;
    Provenance previous;
    try {
      if (!sameRun(configFile, spec)) {
        return Optional.empty();
      }
      previous = json.readValue(provenanceFile.toFile(), Provenance.class);
      if (previous.hasEnded()) {
        return Optional.empty();
      }
      checkpoint = RunCheckpoint.readWithoutAgent(checkpointFile);
      if (!checkpoint.configHash().equals(RunCheckpoint.hash(identity(spec)))) {
        return Optional.empty();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    CsvLog episodes = null;
    CsvLog evaluations = null;
    try {
      episodes = CsvLog.resume(folder.resolve(RunFiles.EPISODES), EpisodeRow.COLUMNS, checkpoint.episodesBytes());
      evaluations = CsvLog.resume(folder.resolve(RunFiles.EVALUATIONS), EvaluationRow.COLUMNS,
          checkpoint.evaluationsBytes());
      Files.deleteIfExists(folder.resolve(RunFiles.ERROR));
      Files.deleteIfExists(folder.resolve(RunFiles.AGENT));
      Files.deleteIfExists(folder.resolve(RunFiles.CHECKPOINT_TEMP));
      AtomicFiles.writeString(configFile, configText);
      Provenance provenance = previous.resumed(Instant.now(clock).toString(), checkpoint.position().episodes(),
          checkpoint.position().envSteps(), code);
      writeProvenance(folder, provenance);
      List<EpisodeRow> logged = CsvFile.read(CsvLog.partialOf(folder.resolve(RunFiles.EPISODES)), EpisodeRow.COLUMNS,
          EpisodeRow::parse);
      return Optional.of(new RunStart(configText, provenance, checkpoint, checkpoint.configHash(), episodes,
          evaluations, logged));
    } catch (IOException | RuntimeException e) {
      if (episodes != null) {
        episodes.close();
      }
      if (evaluations != null) {
        evaluations.close();
      }
      return Optional.empty();
    }
  }

  /**
   * Whether {@code configFile} (a run's {@code config.yaml}) describes the run {@code spec}, wherever its folder is:
   * everything but the output folder must be equal, so a results folder that was moved can still be resumed.
   */
  private boolean sameRun(Path configFile, RunSpec spec) throws IOException {
    RunSpec stored = yaml.readValue(configFile.toFile(), RunSpec.class);
    return identity(stored).equals(identity(spec));
  }

  /** The config text of {@code spec} without its folder: what must match for a folder's files to be this run's. */
  private String identity(RunSpec spec) {
    return configText(spec.withOutputDir(""));
  }

  /** The text of a run's {@code config.yaml}: its spec as YAML. */
  public String configText(RunSpec spec) {
    try {
      return yaml.writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the config of " + spec.label() + ": " + e.getMessage(), e);
    }
  }

  private void writeProvenance(Path folder, Provenance p) {
    try {
      AtomicFiles.write(folder.resolve(RunFiles.PROVENANCE), json.writeValueAsBytes(p));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write provenance: " + e.getMessage(), e);
    }
  }
}
