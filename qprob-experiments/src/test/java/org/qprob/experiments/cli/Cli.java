package org.qprob.experiments.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the qprob command in-process with captured output. */
final class Cli {
  /** What one invocation produced. */
  record Result(int code, String out, String err) {
    /** The stderr lines, without empty ones. */
    java.util.List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  private Cli() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = QprobCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }
}
