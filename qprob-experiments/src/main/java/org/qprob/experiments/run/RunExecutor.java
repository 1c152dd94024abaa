package org.qprob.experiments.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.qprob.agents.training.Budget;
import org.qprob.agents.training.GreedyEvaluation;
import org.qprob.agents.training.Signal;
import org.qprob.agents.training.TrainingLoop;
import org.qprob.agents.training.TrainingSummary;
import org.qprob.api.agent.Agent;
import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.config.ConfigMapper;
import org.qprob.experiments.guice.PluginModule;
import org.qprob.experiments.guice.Plugins;
import org.qprob.experiments.guice.RunModule;

/**
 * Executes one {@link RunSpec} in the calling thread: builds the run's own injector, trains, evaluates, and writes the
 * run's folder — {@code config.yaml} and {@code provenance.json} first, {@code episodes.csv} and {@code eval.csv} row
 * by row under {@code .partial} names, the final agent, then the CSVs' final names and the finished provenance. A run
 * that fails leaves its provenance {@code failed} and its stack trace in {@code error.txt}.
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

  /** Whether {@code folder} already holds this very run, finished: same config, finished provenance, all files. */
  public boolean alreadyFinished(RunSpec spec) {
    Path folder = spec.folder();
    try {
      Path config = folder.resolve(RunFiles.CONFIG);
      Path provenance = folder.resolve(RunFiles.PROVENANCE);
      if (!Files.isRegularFile(config) || !Files.isRegularFile(provenance)
          || !Files.isRegularFile(folder.resolve(RunFiles.EPISODES))) {
        return false;
      }
      boolean sameConfig = Files.readString(config).equals(configText(spec));
      Provenance p = json.readValue(provenance.toFile(), Provenance.class);
      return sameConfig && p.isFinished();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Runs {@code spec}; never throws for a failure of the run itself, which the outcome reports. */
  public RunOutcome execute(RunSpec spec, RunProgress progress) {
    Path folder = spec.folder();
    long startNanos = System.nanoTime();
    Provenance provenance = Provenance.started(spec, Instant.now(clock).toString(), code, platform);
    try {
      Files.createDirectories(folder);
      for (Path p : RunFiles.all(folder)) {
        Files.deleteIfExists(p);
      }
      AtomicFiles.writeString(folder.resolve(RunFiles.CONFIG), configText(spec));
      writeProvenance(folder, provenance);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare run folder " + folder + ": " + e.getMessage(), e);
    }
    try (CsvLog episodes = new CsvLog(folder.resolve(RunFiles.EPISODES), EpisodeRow.COLUMNS);
        CsvLog evaluations = new CsvLog(folder.resolve(RunFiles.EVALUATIONS), EvaluationRow.COLUMNS)) {
      Injector injector = injector(plugins, spec);
      Agent agent = injector.getInstance(Agent.class);
      GreedyEvaluation evaluation = injector.getInstance(GreedyEvaluation.class);
      FinalReturn finalReturn = new FinalReturn(finalEpisodes);
      long[] lastEvaluatedAt = {-1};
      TrainingLoop loop = injector.getInstance(TrainingLoop.class).withEpisodeListener(e -> {
        EpisodeRow row = new EpisodeRow(Math.toIntExact(e.episode() + 1), e.envSteps(), e.episodeReturn(), e.length(),
            e.explorationParameter(), e.meanLoss(), e.meanBeta(), e.wallSeconds());
        episodes.append(row.fields());
        finalReturn.add(row.episodeReturn());
        progress.episode(spec, row);
        return Signal.CONTINUE;
      });
      if (spec.evaluation().enabled()) {
        loop = loop.withEvaluation(evaluation, spec.evaluation().everyEnvSteps(), e -> {
          double[] returns = e.returns().stream().mapToDouble(Double::doubleValue).toArray();
          evaluations.append(EvaluationRow.of(e.envSteps(), e.episodes(), returns, e.wallSeconds()).fields());
          lastEvaluatedAt[0] = e.envSteps();
          return Signal.CONTINUE;
        });
      }
      Budget budget = spec.budget().inEpisodes() ? Budget.episodes(spec.budget().episodes())
          : Budget.steps(spec.budget().envSteps());
      TrainingSummary summary = loop.run(budget);
      if (spec.evaluation().enabled() && lastEvaluatedAt[0] != summary.envSteps()) {
        double[] returns = evaluation.run(agent);
        evaluations.append(EvaluationRow.of(summary.envSteps(), summary.episodes(), returns,
            (System.nanoTime() - startNanos) * 1e-9).fields());
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        agent.checkpoint(out);
      }
      AtomicFiles.write(folder.resolve(RunFiles.AGENT), bytes.toByteArray());
      episodes.complete();
      evaluations.complete();
      double seconds = (System.nanoTime() - startNanos) * 1e-9;
      writeProvenance(folder, provenance.finished(Instant.now(clock).toString(), seconds, summary.episodes(),
          summary.envSteps()));
      RunOutcome outcome = new RunOutcome(spec, true, false, summary.episodes(), summary.envSteps(),
          finalReturn.mean(), seconds, null);
      progress.ended(outcome);
      return outcome;
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      double seconds = (System.nanoTime() - startNanos) * 1e-9;
      String message = ConfigException.oneLine(e.getClass().getSimpleName() + ": " + e.getMessage());
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      AtomicFiles.writeString(folder.resolve(RunFiles.ERROR), trace.toString());
      writeProvenance(folder, provenance.failed(Instant.now(clock).toString(), seconds, message));
      RunOutcome outcome = new RunOutcome(spec, false, false, 0, 0, Double.NaN, seconds, message);
      progress.ended(outcome);
      return outcome;
    }
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
