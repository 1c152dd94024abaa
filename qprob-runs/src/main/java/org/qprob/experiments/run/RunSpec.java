package org.qprob.experiments.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.Objects;
import org.qprob.experiments.config.BudgetConfig;
import org.qprob.experiments.config.CheckpointConfig;
import org.qprob.experiments.config.EnvConfig;
import org.qprob.experiments.config.EvaluationConfig;
import org.qprob.experiments.config.ExperimentConfig;
import org.qprob.experiments.config.LoggingConfig;
import org.qprob.experiments.config.VariantConfig;

/**
 * Everything one run needs, as plain data (it round-trips through JSON, so the same specs could go to another
 * executor): which experiment, variant and seed, the environment, budget and evaluation, the variant's complete
 * config, and the folder its files go to.
 *
 * @param experiment the experiment's name
 * @param variant the variant's name
 * @param seed the run seed
 * @param env the environment
 * @param budget the training budget
 * @param evaluation the evaluation settings
 * @param checkpoint when the run saves its state to be resumed
 * @param logging which logs the run writes besides its CSV files
 * @param config the variant's complete config (agent and loss)
 * @param outputDir the run's folder, {@code <experiment folder>/<variant>/seed-<seed>}
 */
public record RunSpec(String experiment, String variant, long seed, EnvConfig env, BudgetConfig budget,
    EvaluationConfig evaluation, CheckpointConfig checkpoint, LoggingConfig logging, VariantConfig config,
    String outputDir) {
  public RunSpec {
    logging = logging == null ? LoggingConfig.defaults() : logging;
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(evaluation, "evaluation");
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(outputDir, "outputDir");
  }

  /** The run of {@code variant} with {@code seed} of an experiment whose results go to {@code experimentDir}. */
  public static RunSpec of(ExperimentConfig experiment, String variant, long seed, Path experimentDir) {
    VariantConfig v = experiment.variants().get(variant);
    if (v == null) {
      throw new IllegalArgumentException("experiment " + experiment.name() + " has no variant '" + variant
          + "'; variants: " + experiment.variants().keySet());
    }
    return new RunSpec(experiment.name(), variant, seed, experiment.env(), experiment.budget(),
        experiment.evaluation(), experiment.checkpoint(), experiment.logging(), v, runFolder(experimentDir, variant, seed).toString());
  }

  /** This run with its files in {@code folder}. */
  public RunSpec withOutputDir(String folder) {
    return new RunSpec(experiment, variant, seed, env, budget, evaluation, checkpoint, logging, config, folder);
  }

  /** Where the run of {@code variant} with {@code seed} keeps its files. */
  public static Path runFolder(Path experimentDir, String variant, long seed) {
    return experimentDir.resolve(variant).resolve("seed-" + seed);
  }

  /** The run's seeds, derived from {@link #seed}. */
  @JsonIgnore
  public RunSeeds seeds() {
    return RunSeeds.of(seed);
  }

  /** The run's folder. */
  @JsonIgnore
  public Path folder() {
    return Path.of(outputDir);
  }

  /** {@code variant/seed-k}, for messages. */
  @JsonIgnore
  public String label() {
    return variant + "/seed-" + seed;
  }
}
