package org.qprob.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.config.ReportConfig;
import org.qprob.experiments.report.ExperimentReport;
import org.qprob.experiments.report.VariantSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qprob report DIR...}: re-renders summary.md, summary.csv and curves.png from a results folder alone, with the
 * config's report settings or the window and final episodes given here.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Re-render summary.md, summary.csv and curves.png of experiment results folders from their files"
        + " alone (unfinished runs are left out and named).")
public final class ReportCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "an experiment's results folder, e.g. results/quick")
  private List<Path> folders;

  @Option(names = "--window", paramLabel = "EPISODES",
      description = "the moving-average window of the curves and the threshold, instead of the config's report.window"
          + " (e.g. 100, as the MinAtar paper's curves)")
  private Integer window;

  @Option(names = "--final-episodes", paramLabel = "EPISODES",
      description = "how many last training episodes the final training return averages, instead of the config's"
          + " report.finalEpisodes")
  private Integer finalEpisodes;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Path folder : folders) {
      List<VariantSummary> summaries = ExperimentReport.render(folder, this::reportSettings);
      RunCommand.printSummary(out, folder, summaries);
    }
    out.flush();
    return 0;
  }

  /** The experiment's report settings with the options given here in place of the config's. */
  private ReportConfig reportSettings(ReportConfig config) {
    return new ReportConfig(config.threshold(), atLeastOne("--window", window, config.window()),
        atLeastOne("--final-episodes", finalEpisodes, config.finalEpisodes()), config.rankBy());
  }

  private static int atLeastOne(String option, Integer given, int otherwise) {
    if (given != null && given < 1) {
      throw new ConfigException("qprob report: " + option + " " + given + " is invalid; expected an integer >= 1");
    }
    return given == null ? otherwise : given;
  }
}
