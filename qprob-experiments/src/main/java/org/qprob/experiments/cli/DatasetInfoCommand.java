package org.qprob.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.qprob.agents.dataset.Dataset;
import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.dataset.DatasetFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qprob dataset FILE...}: reads datasets (qprob's or made elsewhere) and prints what they hold. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
    description = "Read .npz datasets (written by qprob record or elsewhere, see docs/offline.md) and print one line"
        + " each: environment, policy, transitions, episodes and their mean return. Exit 2 if one cannot be read.")
public final class DatasetInfoCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "a .npz dataset")
  private List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Path f : files) {
      Dataset data;
      try {
        data = DatasetFile.read(f);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(e.getMessage(), e);
      }
      out.println(f + ": " + describe(data));
      out.flush();
    }
    return 0;
  }

  /** One line: environment, policy, transitions, observation shape, finished episodes and their mean return. */
  static String describe(Dataset data) {
    List<Double> returns = data.episodeReturns();
    double mean = returns.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    return data.info().envId() + (data.info().envOptions().isEmpty() ? "" : " " + data.info().envOptions())
        + ", policy " + (data.info().policy().isEmpty() ? "unknown" : data.info().policy())
        + (data.info().policyOptions().isEmpty() ? "" : " " + data.info().policyOptions())
        + ", seed " + data.info().seed() + ", " + data.size() + " transitions of observations "
        + Arrays.toString(data.observationShape()) + ", " + returns.size() + " episodes ending in it"
        + (returns.isEmpty() ? "" : String.format(", mean return %.2f", mean));
  }
}
