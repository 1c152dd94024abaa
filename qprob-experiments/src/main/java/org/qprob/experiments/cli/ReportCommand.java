package org.qprob.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.qprob.experiments.report.ExperimentReport;
import org.qprob.experiments.report.VariantSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qprob report DIR...}: re-renders summary.md, summary.csv and curves.png from a results folder alone. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Re-render summary.md, summary.csv and curves.png of experiment results folders from their files"
        + " alone (unfinished runs are left out and named).")
public final class ReportCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "an experiment's results folder, e.g. results/quick")
  private List<Path> folders;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Path folder : folders) {
      List<VariantSummary> summaries = ExperimentReport.render(folder);
      RunCommand.printSummary(out, folder, summaries);
    }
    out.flush();
    return 0;
  }
}
