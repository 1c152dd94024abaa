package org.qprob.experiments.config;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One experiment: an environment, a set of seeds, a training budget, evaluation and report settings, and named
 * variants that each fully specify an agent and a loss. Once resolved, every variant here is complete (the
 * {@code defaults} with the variant's overrides merged in).
 *
 * @param name the experiment's name, used as its results folder; letters, digits, {@code . _ -}; default: the
 *     config file's name without {@code .yaml}
 * @param description free text echoed into the summary; default empty
 * @param env the environment; default {@link EnvConfig#defaults()}
 * @param seeds the seeds each variant runs with; default {@link SeedList#defaults()}
 * @param budget how long each run trains; default {@link BudgetConfig#defaults()}
 * @param evaluation periodic greedy evaluation; default {@link EvaluationConfig#defaults()}
 * @param checkpoint when runs save their state to be resumed; default {@link CheckpointConfig#defaults()}
 * @param logging which logs runs write besides their CSV files; default {@link LoggingConfig#defaults()}
 * @param report what the summary measures; default {@link ReportConfig#defaults()}
 * @param defaults what every variant starts from; default {@link VariantConfig#defaults()}
 * @param variants variant name to its complete config, in the order written; default: one variant named
 *     {@code default} equal to {@code defaults}
 */
@JsonPropertyOrder({"name", "description", "env", "seeds", "budget", "evaluation", "checkpoint", "logging", "report",
    "defaults", "variants"})
public record ExperimentConfig(String name, String description, EnvConfig env, SeedList seeds, BudgetConfig budget,
    EvaluationConfig evaluation, CheckpointConfig checkpoint, LoggingConfig logging, ReportConfig report,
    VariantConfig defaults, Map<String, VariantConfig> variants) {

  /** What experiment and variant names may contain (they name folders). */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  public ExperimentConfig {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name = " + show(name) + " is invalid; expected letters, digits, '.', '_' or '-'"
          + " (a folder name, at most 100 characters)");
    }
    description = description == null ? "" : description;
    env = env == null ? EnvConfig.defaults() : env;
    seeds = seeds == null ? SeedList.defaults() : seeds;
    budget = budget == null ? BudgetConfig.defaults() : budget;
    evaluation = evaluation == null ? EvaluationConfig.defaults() : evaluation;
    checkpoint = checkpoint == null ? CheckpointConfig.defaults() : checkpoint;
    logging = logging == null ? LoggingConfig.defaults() : logging;
    report = report == null ? ReportConfig.defaults() : report;
    defaults = defaults == null ? VariantConfig.defaults() : defaults;
    Map<String, VariantConfig> v = new LinkedHashMap<>();
    if (variants == null || variants.isEmpty()) {
      v.put("default", defaults);
    } else {
      for (Map.Entry<String, VariantConfig> e : variants.entrySet()) {
        if (!NAME.matcher(e.getKey()).matches()) {
          throw new IllegalArgumentException("variants: name " + show(e.getKey()) + " is invalid; expected letters,"
              + " digits, '.', '_' or '-' (a folder name, at most 100 characters)");
        }
        v.put(e.getKey(), e.getValue() == null ? defaults : e.getValue());
      }
    }
    variants = Collections.unmodifiableMap(v);
  }

  /** Every field at its default, named {@code name}. */
  public static ExperimentConfig defaults(String name) {
    return new ExperimentConfig(name, "", null, null, null, null, null, null, null, null, null);
  }

  /** A copy with other report settings. */
  public ExperimentConfig withReport(ReportConfig r) {
    return new ExperimentConfig(name, description, env, seeds, budget, evaluation, checkpoint, logging, r, defaults,
        variants);
  }

  private static String show(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }
}
