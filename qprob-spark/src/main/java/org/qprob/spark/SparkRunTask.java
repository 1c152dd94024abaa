package org.qprob.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.qprob.experiments.config.ConfigMapper;
import org.qprob.experiments.guice.Plugins;
import org.qprob.experiments.run.CodeVersion;
import org.qprob.experiments.run.Platform;
import org.qprob.experiments.run.Provenance;
import org.qprob.experiments.run.RunOutcome;
import org.qprob.experiments.run.RunProgress;
import org.qprob.experiments.run.RunSpec;
import org.qprob.experiments.runner.RunExecutor;

/**
 * One Spark task: a {@link RunSpec} in JSON to its {@link RunOutcome} in JSON, executed on the Spark executor by a
 * {@link RunExecutor} exactly as the thread pool executes it ({@link RunExecutor#runOrSkip}): a run its folder holds
 * ended is skipped, an unfinished one continues from its checkpoint. A run that fails (an exception) is thrown back to
 * Spark so that Spark retries it, from its checkpoint, until its last attempt, whose failure is returned as the run's
 * outcome so that the other runs go on; a diverged run is an outcome, never retried.
 */
final class SparkRunTask implements Function<String, String> {
  private static final long serialVersionUID = 1L;
  /** The plugins of this executor JVM, loaded by its first task. */
  private static volatile Plugins plugins;

  private final String code;
  private final int finalEpisodes;
  private final int attempts;

  /**
   * @param code the driver's {@link CodeVersion}, JSON, for every run's provenance
   * @param finalEpisodes how many last episodes an outcome's final return averages
   * @param attempts how many times Spark runs a task before it gives up (its {@code maxFailures})
   */
  SparkRunTask(String code, int finalEpisodes, int attempts) {
    this.code = code;
    this.finalEpisodes = finalEpisodes;
    this.attempts = attempts;
  }

  @Override
  public String call(String specJson) throws JsonProcessingException {
    ObjectMapper json = ConfigMapper.json();
    RunSpec spec = json.readValue(specJson, RunSpec.class);
    RunExecutor executor = new RunExecutor(plugins(), json.readValue(code, CodeVersion.class), Platform.current(),
        Clock.systemUTC(), finalEpisodes);
    TaskContext task = TaskContext.get();
    boolean lastAttempt = task == null || task.attemptNumber() + 1 >= attempts;
    RunOutcome outcome;
    try {
      outcome = executor.runOrSkip(spec, RunProgress.SILENT);
    } catch (RuntimeException e) {
      if (!lastAttempt) {
        throw e;
      }
      outcome = new RunOutcome(spec, Provenance.FAILED, false, 0, 0, 0, Double.NaN, 0, e.toString(), null);
    }
    if (outcome.failed() && !lastAttempt) {
      throw new IllegalStateException(spec.label() + " failed (attempt " + (task.attemptNumber() + 1) + " of "
          + attempts + "; Spark retries it from its last checkpoint): " + outcome.error());
    }
    return json.writeValueAsString(outcome);
  }

  private static Plugins plugins() {
    Plugins p = plugins;
    if (p == null) {
      synchronized (SparkRunTask.class) {
        if (plugins == null) {
          plugins = Plugins.load();
        }
        p = plugins;
      }
    }
    return p;
  }
}
