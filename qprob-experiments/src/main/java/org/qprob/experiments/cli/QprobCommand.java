package org.qprob.experiments.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.qprob.experiments.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code qprob}: runs experiments from YAML configs, lists the plugins, re-renders reports, verifies environments
 * against Gymnasium traces, and demonstrates Gumbel regression. Exit codes: 0 success, 1 a run or check failed,
 * 2 bad input (config, arguments, files) — reported as one line on stderr.
 */
@Command(name = "qprob", mixinStandardHelpOptions = true, versionProvider = QprobCommand.Version.class,
    description = "Value-based deep RL with pluggable losses: run experiments, list plugins, render reports.",
    subcommands = {RunCommand.class, ResumeCommand.class, RecordCommand.class, DatasetInfoCommand.class,
        ListCommand.class, ReportCommand.class, VerifyEnvCommand.class,
        GumbelRegressionCommand.class, org.qprob.experiments.bench.BenchCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:a run failed or a check did not pass", "2:bad input: config, arguments or files"})
public final class QprobCommand implements Runnable {
  /** Exit code for bad input. */
  public static final int BAD_INPUT = 2;
  /** Exit code for a failed run or check. */
  public static final int FAILED = 1;

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command with {@code args} and exits with its code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = execute(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the command with {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine(out, err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The command line with qprob's error handling: one line for bad input, exit code 2. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new QprobCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine c = ex.getCommandLine();
      c.getErr().println(ConfigException.oneLine(ex.getMessage()) + " (see " + c.getCommandSpec().qualifiedName()
          + " --help)");
      c.getErr().flush();
      return BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
      if (ex instanceof ConfigException) {
        c.getErr().println(ex.getMessage());
        c.getErr().flush();
        return BAD_INPUT;
      }
      c.getErr().println("qprob: " + ConfigException.oneLine(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
      if (System.getenv("QPROB_DEBUG") != null) {
        ex.printStackTrace(c.getErr());
      }
      c.getErr().flush();
      return FAILED;
    });
    return cl;
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = QprobCommand.class.getPackage().getImplementationVersion();
      return new String[] {"qprob " + (v == null ? "(development build)" : v)};
    }
  }
}
