package org.qprob.experiments.cli;

import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.runner.RunEngine;
import org.qprob.experiments.runner.ThreadEngine;
import picocli.CommandLine.Option;

/** {@code --engine NAME [--master URL]}: which {@link RunEngine} runs the runs, shared by {@code run} and {@code resume}. */
final class EngineOptions {
  @Option(names = "--engine", paramLabel = "NAME", description = "where the runs execute: threads (the default, a pool of"
      + " --jobs threads in this JVM) or an engine on the class path, e.g. spark (qprob-spark; ./qprob with"
      + " QPROB_SPARK=1)")
  String engine = ThreadEngine.NAME;

  @Option(names = "--master", paramLabel = "URL", description = "for --engine spark: the cluster, e.g. spark://host:7077"
      + " or local[2]; default local[*]")
  String master;

  /** The chosen engine; one line if it is unknown or takes no {@code --master} but got one. */
  RunEngine resolve() {
    RunEngine e = RunEngine.named(engine);
    if (master != null && !e.takesMaster()) {
      throw new ConfigException("--master " + master + " is invalid with --engine " + e.name() + " (" + e.description()
          + "); expected --engine spark, or no --master");
    }
    return e;
  }
}
