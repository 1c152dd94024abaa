package org.qprob.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.config.ConfigReader;
import org.qprob.experiments.config.ExperimentConfig;
import org.qprob.experiments.guice.Plugins;
import org.qprob.experiments.run.CodeVersion;
import org.qprob.experiments.run.ExperimentFolder;
import org.qprob.experiments.run.RunSpec;
import org.qprob.experiments.runner.ExperimentValidator;
import org.qprob.experiments.runner.RunEngine;
import org.qprob.experiments.runner.RunPool;
import org.qprob.experiments.runner.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qprob resume DIR}: continues an experiment from its results folder alone, with the config stored there
 * ({@code experiment.yaml}): runs already finished or diverged are kept, unfinished ones continue from their last
 * checkpoint (or start, if they have none), then the report is written — what {@code qprob run CONFIG --out DIR}
 * with the same config does.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
    description = {"Continue an interrupted experiment from its results folder alone, using the experiment.yaml stored"
        + " there: finished and diverged runs are kept, unfinished runs continue from their last checkpoint, then"
        + " summary.md, summary.csv and curves.png are written."})
public final class ResumeCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "the experiment's results folder, e.g. results/quick")
  private Path folder;

  @Option(names = "--jobs", paramLabel = "N", description = "runs at once; default: the number of cores (${DEFAULT-VALUE})")
  private int jobs = RunPool.cores();

  @Mixin
  private EngineOptions engineOptions = new EngineOptions();

  @Override
  public Integer call() {
    if (jobs < 1) {
      throw new ConfigException("--jobs = " + jobs + " is invalid; expected an integer >= 1");
    }
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new ConfigException(folder + ": is a file; expected an experiment's results folder");
    }
    RunEngine engine = engineOptions.resolve();
    Path configFile = folder.resolve(ExperimentFolder.CONFIG);
    String text;
    try {
      text = Files.readString(configFile, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(folder + ": " + (Files.isDirectory(folder) ? "holds no " + ExperimentFolder.CONFIG
          : "no such folder") + "; expected the results folder of an experiment qprob run started, e.g."
          + " results/<experiment name>");
    } catch (IOException e) {
      throw new ConfigException(configFile + ": cannot read: " + e.getMessage(), e);
    }
    List<ExperimentConfig> read = new ConfigReader().readText(text, "experiment", configFile.toString(), List.of());
    if (read.size() != 1) {
      throw new ConfigException(configFile + ": holds " + read.size() + " experiments; expected the one qprob run"
          + " wrote");
    }
    Plugins plugins = Plugins.load();
    ExperimentConfig experiment = new ExperimentValidator(plugins).validate(read.get(0), configFile.toString());
    if (!ExperimentFolder.configText(experiment).equals(text)) {
      throw new ConfigException(configFile + ": is not the resolved config qprob run writes (edited, or written by"
          + " another qprob version); expected it unchanged, or use qprob run CONFIG --out " + folder);
    }
    Map<Path, ExperimentConfig> experiments = new LinkedHashMap<>();
    experiments.put(folder, experiment);
    List<RunSpec> specs = RunCommand.specs(experiments);
    RunCommand.refuseOtherRuns(specs, plugins);
    ExperimentFolder.prepare(folder, experiment);
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    return RunCommand.execute(experiments, specs, engine, new RunSettings(plugins, CodeVersion.detect(),
        experiment.report().finalEpisodes(), jobs, engineOptions.master), stdout, stderr);
  }
}
