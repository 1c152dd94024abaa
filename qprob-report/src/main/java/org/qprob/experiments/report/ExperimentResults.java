package org.qprob.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qprob.agents.config.ReplayConfig;
import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.config.ConfigMapper;
import org.qprob.experiments.config.ConfigReader;
import org.qprob.experiments.config.ExperimentConfig;
import org.qprob.experiments.run.CsvFile;
import org.qprob.experiments.run.EpisodeRow;
import org.qprob.experiments.run.EvaluationRow;
import org.qprob.experiments.run.ExperimentFolder;
import org.qprob.experiments.run.RunFiles;
import org.qprob.experiments.run.RunSpec;

/**
 * An experiment's results read from its folder alone: the resolved config from {@code experiment.yaml}, and for every
 * variant and seed the run's status and, if it finished, its episodes and evaluations. Runs that are missing,
 * still running, interrupted or failed are kept with their status so the report can name them.
 *
 * @param folder the experiment's folder
 * @param config the resolved experiment config
 * @param runs variant name to its runs, in config order, seeds in config order
 */
public record ExperimentResults(Path folder, ExperimentConfig config, Map<String, List<RunResult>> runs) {
  public ExperimentResults {
    Map<String, List<RunResult>> copy = new LinkedHashMap<>();
    runs.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    runs = Collections.unmodifiableMap(copy);
  }

  /** Reads the experiment in {@code folder}; a folder without {@code experiment.yaml} is a {@link ConfigException}. */
  public static ExperimentResults read(Path folder) {
    Path configFile = folder.resolve(ExperimentFolder.CONFIG);
    if (!Files.isRegularFile(configFile)) {
      throw new ConfigException(folder + ": not an experiment results folder (no " + ExperimentFolder.CONFIG
          + "); expected the folder qprob run wrote, e.g. results/<experiment name>");
    }
    String text;
    try {
      text = Files.readString(configFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(configFile + ": cannot read: " + e.getMessage(), e);
    }
    ExperimentConfig config = new ConfigReader().readText(text, "experiment", configFile.toString(), List.of()).get(0);
    Map<String, List<RunResult>> runs = new LinkedHashMap<>();
    for (String variant : config.variants().keySet()) {
      List<RunResult> list = new ArrayList<>();
      for (long seed : config.seeds().values()) {
        list.add(readRun(variant, seed, RunSpec.runFolder(folder, variant, seed),
            config.variants().get(variant).agent().replay()));
      }
      runs.put(variant, list);
    }
    return new ExperimentResults(folder, config, runs);
  }

  static RunResult readRun(String variant, long seed, Path folder, ReplayConfig replay) {
    Path provenance = folder.resolve(RunFiles.PROVENANCE);
    if (!Files.isRegularFile(provenance)) {
      return new RunResult(variant, seed, folder, "missing", null, List.of(), List.of(), null, 0);
    }
    JsonNode p;
    try {
      p = ConfigMapper.json().readTree(provenance.toFile());
    } catch (IOException e) {
      return new RunResult(variant, seed, folder, "running", null, List.of(), List.of(), null, 0);
    }
    String status = p.path("status").asText("running");
    Path episodes = folder.resolve(RunFiles.EPISODES);
    if ("finished".equals(status) && !Files.isRegularFile(episodes)) {
      status = "running";
    }
    JsonNode error = p.path("error");
    String note = error.isTextual() ? error.textValue() : null;
    JsonNode steps = p.path("gradientSteps");
    Long gradientSteps = steps.isIntegralNumber() ? steps.longValue() : null;
    long implied = replay.impliedGradientSteps(p.path("envSteps").asLong(0));
    if (!"finished".equals(status)) {
      return new RunResult(variant, seed, folder, status, note, List.of(), List.of(), gradientSteps, implied);
    }
    Path evaluations = folder.resolve(RunFiles.EVALUATIONS);
    List<EpisodeRow> e = CsvFile.read(episodes, EpisodeRow.COLUMNS, EpisodeRow::parse);
    List<EvaluationRow> v = Files.isRegularFile(evaluations)
        ? CsvFile.read(evaluations, EvaluationRow.COLUMNS, EvaluationRow::parse) : List.of();
    return new RunResult(variant, seed, folder, status, null, e, v, gradientSteps, implied);
  }

  /** The finished runs of {@code variant}. */
  public List<RunResult> finished(String variant) {
    return runs.getOrDefault(variant, List.of()).stream().filter(RunResult::finished).toList();
  }

  /** Every finished run, across variants, that took far fewer gradient steps than its config implies. */
  public List<RunResult> fewGradientSteps() {
    return runs.values().stream().flatMap(List::stream).filter(r -> r.finished() && r.fewGradientSteps()).toList();
  }

  /** Every run that did not finish, across variants. */
  public List<RunResult> unfinished() {
    return runs.values().stream().flatMap(List::stream).filter(r -> !r.finished()).toList();
  }
}
