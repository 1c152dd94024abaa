package org.qprob.experiments.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.qprob.agents.training.Budget;
import org.qprob.agents.training.FiniteParameters;
import org.qprob.agents.training.GreedyEvaluation;
import org.qprob.agents.training.Signal;
import org.qprob.agents.training.TrainingLoop;
import org.qprob.agents.training.TrainingPosition;
import org.qprob.agents.training.TrainingSummary;
import org.qprob.api.agent.Agent;
import org.qprob.experiments.calibration.RunCalibration;
import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.config.ConfigMapper;
import org.qprob.experiments.guice.PluginModule;
import org.qprob.experiments.guice.Plugins;
import org.qprob.experiments.guice.RunModule;

/**
 * Executes one {@link RunSpec} in the calling thread: builds the run's own injector, trains, evaluates, and writes the
 * run's folder — {@code config.yaml} and {@code provenance.json} first, {@code episodes.csv} and {@code eval.csv} row
 * by row under {@code .partial} names, a {@link RunCheckpoint} at the first episode boundary at or after every
 * {@code checkpoint.everyEnvSteps} env steps and once when training ends, the final agent, then the CSVs' final names
 * and the finished provenance. Agents that predict values also get {@code calibration.csv} ({@link RunCalibration}).
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

  /** How a run starts: afresh, or from a checkpoint with its logs reopened. */
  private record Start(Provenance provenance, RunCheckpoint checkpoint, CsvLog episodes, CsvLog evaluations) {
  }

  /** What stopped a diverging run. */
  private record Divergence(long envStep, String message) {
  }

  /** Runs {@code spec}; never throws for a failure of the run itself, which the outcome reports. */
  public RunOutcome execute(RunSpec spec, RunProgress progress) {
    Path folder = spec.folder();
    String configText = configText(spec);
    Start start = resume(spec, configText).orElseGet(() -> fresh(spec, configText));
    RunCheckpoint from = start.checkpoint();
    double offset = from == null ? 0 : from.position().wallSeconds();
    long clockStart = System.nanoTime() - Math.round(offset * 1e9);
    Provenance provenance = start.provenance();
    Long resumedAt = from == null ? null : from.position().envSteps();
    try (CsvLog episodes = start.episodes(); CsvLog evaluations = start.evaluations()) {
      Injector injector = injector(plugins, spec);
      Agent agent = injector.getInstance(Agent.class);
      if (from != null) {
        agent.restore(new DataInputStream(new ByteArrayInputStream(from.agent())));
      }
      GreedyEvaluation evaluation = injector.getInstance(GreedyEvaluation.class);
      RunCalibration calibration = RunCalibration.start(spec, injector, agent, from == null ? null : from.position());
      FinalReturn finalReturn = new FinalReturn(finalEpisodes);
      if (from != null) {
        CsvFile.read(CsvLog.partialOf(folder.resolve(RunFiles.EPISODES)), EpisodeRow.COLUMNS, EpisodeRow::parse)
            .forEach(r -> finalReturn.add(r.episodeReturn()));
      }
      String hash = RunCheckpoint.hash(identity(spec));
      TrainingSummary summary;
      byte[] agentBytes;
      if (from != null && from.trainingDone()) {
        TrainingPosition p = from.position();
        summary = new TrainingSummary(p.episodes(), p.envSteps(), p.gradientSteps(), false, p.wallSeconds());
        agentBytes = from.agent();
      } else {
        Divergence[] divergence = {null};
        TrainingLoop loop = injector.getInstance(TrainingLoop.class).withEpisodeListener(e -> {
          EpisodeRow row = new EpisodeRow(Math.toIntExact(e.episode() + 1), e.envSteps(), e.episodeReturn(),
              e.length(), e.explorationParameter(), e.meanLoss(), e.meanBeta(), e.wallSeconds());
          episodes.append(row.fields());
          finalReturn.add(row.episodeReturn());
          progress.episode(spec, row);
          if (agent instanceof FiniteParameters f && !f.parametersFinite()) {
            divergence[0] = new Divergence(e.envSteps(), "diverged at env step " + e.envSteps() + " (end of episode "
                + (e.episode() + 1) + "): a network parameter is NaN or infinite");
            return Signal.STOP;
          }
          return Signal.CONTINUE;
        }).withUpdateListener((step, episode, u) -> {
          String where = "diverged at env step " + step + " (episode " + (episode + 1) + "): ";
          if (!Double.isFinite(u.loss())) {
            divergence[0] = new Divergence(step, where + "loss = " + u.loss());
            return Signal.STOP;
          }
          if (!Double.isFinite(u.gradientNorm())) {
            divergence[0] = new Divergence(step, where + "gradient norm = " + u.gradientNorm() + " at loss = "
                + u.loss() + " (the gradient overflowed the network's precision)");
            return Signal.STOP;
          }
          return Signal.CONTINUE;
        }).withCheckpoints(spec.checkpoint().everyEnvSteps(), p -> {
          calibration.checkpointed(p);
          saveCheckpoint(folder, hash, false, p, episodes, evaluations, bytes(agent));
          return Signal.CONTINUE;
        });
        if (spec.evaluation().enabled()) {
          loop = loop.withEvaluation(evaluation, spec.evaluation().everyEnvSteps(), e -> {
            double[] returns = e.returns().stream().mapToDouble(Double::doubleValue).toArray();
            evaluations.append(EvaluationRow.of(e.envSteps(), e.episodes(), returns, e.wallSeconds()).fields());
            calibration.evaluated(e.envSteps());
            return Signal.CONTINUE;
          });
        }
        if (from != null) {
          loop = loop.startingFrom(from.position());
        }
        Budget budget = spec.budget().inEpisodes() ? Budget.episodes(spec.budget().episodes())
            : Budget.steps(spec.budget().envSteps());
        summary = loop.run(budget);
        if (divergence[0] == null && agent instanceof FiniteParameters f && !f.parametersFinite()) {
          divergence[0] = new Divergence(summary.envSteps(), "diverged at env step " + summary.envSteps()
              + " (end of training): a network parameter is NaN or infinite");
        }
        if (divergence[0] != null) {
          episodes.complete();
          evaluations.complete();
          calibration.complete();
          double seconds = seconds(clockStart);
          String message = divergence[0].message();
          writeProvenance(folder, provenance.diverged(Instant.now(clock).toString(), seconds, summary.episodes(),
              summary.envSteps(), summary.gradientSteps(), divergence[0].envStep(), message));
          RunOutcome outcome = new RunOutcome(spec, Provenance.DIVERGED, false, summary.episodes(),
              summary.envSteps(), summary.gradientSteps(), finalReturn.mean(), seconds, message, resumedAt);
          progress.ended(outcome);
          return outcome;
        }
        // evaluations run at multiples of their period; the last one comes when training ends, unless it just ran
        if (spec.evaluation().enabled() && summary.envSteps() % spec.evaluation().everyEnvSteps() != 0) {
          double[] returns = evaluation.run(agent);
          evaluations.append(EvaluationRow.of(summary.envSteps(), summary.episodes(), returns, seconds(clockStart))
              .fields());
          calibration.evaluated(summary.envSteps());
        }
        agentBytes = bytes(agent);
        saveCheckpoint(folder, hash, true, new TrainingPosition(summary.episodes(), summary.envSteps(),
            summary.gradientSteps(), seconds(clockStart)), episodes, evaluations, agentBytes);
      }
      AtomicFiles.write(folder.resolve(RunFiles.AGENT), agentBytes);
      episodes.complete();
      evaluations.complete();
      calibration.complete();
      double seconds = seconds(clockStart);
      writeProvenance(folder, provenance.finished(Instant.now(clock).toString(), seconds, summary.episodes(),
          summary.envSteps(), summary.gradientSteps()));
      RunOutcome outcome = new RunOutcome(spec, Provenance.FINISHED, false, summary.episodes(), summary.envSteps(),
          summary.gradientSteps(), finalReturn.mean(), seconds, null, resumedAt);
      progress.ended(outcome);
      return outcome;
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      double seconds = seconds(clockStart);
      String message = ConfigException.oneLine(e.getClass().getSimpleName() + ": " + e.getMessage());
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      AtomicFiles.writeString(folder.resolve(RunFiles.ERROR), trace.toString());
      writeProvenance(folder, provenance.failed(Instant.now(clock).toString(), seconds, message));
      RunOutcome outcome = new RunOutcome(spec, Provenance.FAILED, false, 0, 0, 0, Double.NaN, seconds, message,
          resumedAt);
      progress.ended(outcome);
      return outcome;
    }
  }

  /** Empties the run's folder of an earlier attempt's files and opens new logs. */
  private Start fresh(RunSpec spec, String configText) {
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
    return new Start(provenance, null, episodes, evaluations);
  }

  /**
   * The start from the folder's checkpoint, if the folder holds this run unfinished with a checkpoint of this config
   * and logs at least as long as it recorded; else empty (the run starts afresh).
   */
  private Optional<Start> resume(RunSpec spec, String configText) {
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
      checkpoint = RunCheckpoint.read(checkpointFile);
      if (!checkpoint.configHash().equals(RunCheckpoint.hash(identity(spec)))) {
        return Optional.empty();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    CsvLog episodes = null;
    try {
      episodes = CsvLog.resume(folder.resolve(RunFiles.EPISODES), EpisodeRow.COLUMNS, checkpoint.episodesBytes());
      CsvLog evaluations = CsvLog.resume(folder.resolve(RunFiles.EVALUATIONS), EvaluationRow.COLUMNS,
          checkpoint.evaluationsBytes());
      Files.deleteIfExists(folder.resolve(RunFiles.ERROR));
      Files.deleteIfExists(folder.resolve(RunFiles.AGENT));
      Files.deleteIfExists(folder.resolve(RunFiles.CHECKPOINT_TEMP));
      AtomicFiles.writeString(configFile, configText);
      Provenance provenance = previous.resumed(Instant.now(clock).toString(), checkpoint.position().episodes(),
          checkpoint.position().envSteps(), code);
      writeProvenance(folder, provenance);
      return Optional.of(new Start(provenance, checkpoint, episodes, evaluations));
    } catch (IOException | RuntimeException e) {
      if (episodes != null) {
        episodes.close();
      }
      return Optional.empty();
    }
  }

  /** Syncs the logs and writes a checkpoint at {@code position} with their lengths. */
  private static void saveCheckpoint(Path folder, String hash, boolean done, TrainingPosition position,
      CsvLog episodes, CsvLog evaluations, byte[] agent) {
    episodes.sync();
    evaluations.sync();
    new RunCheckpoint(hash, done, position, episodes.length(), evaluations.length(), agent)
        .write(folder.resolve(RunFiles.CHECKPOINT));
  }

  private static byte[] bytes(Agent agent) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      agent.checkpoint(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot checkpoint the agent: " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) * 1e-9;
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

  /** The mean of the last {@code k} values added. */
  private static final class FinalReturn {
    private final double[] ring;
    private int count;

    FinalReturn(int k) {
      ring = new double[k];
    }

    synchronized void add(double v) {
      ring[count % ring.length] = v;
      count++;
    }

    synchronized double mean() {
      int n = Math.min(count, ring.length);
      if (n == 0) {
        return Double.NaN;
      }
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += ring[i];
      }
      return s / n;
    }
  }
}
