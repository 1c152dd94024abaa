package org.qprob.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.qprob.envs.verify.TraceReport;
import org.qprob.envs.verify.TraceVerifier;
import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.guice.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qprob verify-env TRACE...}: replays Gymnasium and MinAtar traces against the registered environments. */
@Command(name = "verify-env", mixinStandardHelpOptions = true,
    description = "Replay Gymnasium JSONL traces (one episode per line: env, options, initial_state, steps) and MinAtar"
        + " ones (env, seed, shape, hex grids; golden/minatar/README.md) against the registered environments and print"
        + " one line per file. Exit 0 only if every file matches exactly.")
public final class VerifyEnvCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "TRACE", description = "a .jsonl trace file")
  private List<Path> traces;

  @Override
  public Integer call() {
    for (Path t : traces) {
      if (!Files.isRegularFile(t)) {
        throw new ConfigException(t + ": no such trace file");
      }
    }
    TraceVerifier verifier = new TraceVerifier(Plugins.load().environments());
    PrintWriter out = spec.commandLine().getOut();
    boolean all = true;
    for (Path t : traces) {
      TraceReport report;
      try {
        report = verifier.verify(t);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(e.getMessage(), e);
      }
      out.println(report.summary());
      out.flush();
      all &= report.passed();
    }
    return all ? 0 : QprobCommand.FAILED;
  }
}
