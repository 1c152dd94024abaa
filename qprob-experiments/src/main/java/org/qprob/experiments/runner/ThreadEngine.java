package org.qprob.experiments.runner;

import java.time.Clock;
import java.util.List;
import org.qprob.experiments.run.Platform;
import org.qprob.experiments.run.RunOutcome;
import org.qprob.experiments.run.RunProgress;
import org.qprob.experiments.run.RunSpec;

/** The default engine: the runs on a {@link RunPool} of {@code --jobs} threads in this JVM. */
public final class ThreadEngine implements RunEngine {
  /** Its name. */
  public static final String NAME = "threads";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "a pool of --jobs threads in this JVM (the default)";
  }

  @Override
  public boolean takesMaster() {
    return false;
  }

  @Override
  public String where(RunSettings settings, int runs) {
    return Math.min(settings.jobs(), Math.max(1, runs)) + " thread(s)";
  }

  @Override
  public List<RunOutcome> run(List<RunSpec> specs, RunSettings settings, RunProgress progress) {
    RunExecutor executor = new RunExecutor(settings.plugins(), settings.code(), Platform.current(), Clock.systemUTC(),
        settings.finalEpisodes());
    return new RunPool(executor, settings.jobs()).run(specs, progress);
  }
}
