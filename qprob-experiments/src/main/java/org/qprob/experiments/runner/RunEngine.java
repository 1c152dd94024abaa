package org.qprob.experiments.runner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.run.RunOutcome;
import org.qprob.experiments.run.RunProgress;
import org.qprob.experiments.run.RunSpec;

/**
 * Where an experiment's runs execute: {@code threads} (this JVM's thread pool, {@link ThreadEngine}, the default) or
 * an engine a module on the class path adds ({@code qprob-spark}'s {@code spark}), chosen by {@code qprob run
 * --engine NAME}. Every engine executes each {@link RunSpec} with a {@link RunExecutor} ({@link
 * RunExecutor#runOrSkip}), so a run's folder holds the same files whichever engine ran it. Engines are found with
 * {@link ServiceLoader}: list the class in {@code META-INF/services/org.qprob.experiments.runner.RunEngine}.
 */
public interface RunEngine {
  /** The name {@code --engine} selects it by. */
  String name();

  /** One line for {@code qprob run --help} and messages: what it is and what {@code --master} means to it. */
  String description();

  /** Whether it takes {@code --master} (the threads engine runs here and takes none). */
  boolean takesMaster();

  /** Where the runs will go, for the line printed before they start, e.g. {@code 2 thread(s)}. */
  String where(RunSettings settings, int runs);

  /**
   * Executes every spec (runs already ended in their folders are skipped, unfinished ones continue from their
   * checkpoints) and returns their outcomes in the order given, once every run has ended.
   */
  List<RunOutcome> run(List<RunSpec> specs, RunSettings settings, RunProgress progress);

  /** Every engine on the class path by name, {@code threads} first. */
  static Map<String, RunEngine> all() {
    Map<String, RunEngine> engines = new LinkedHashMap<>();
    ThreadEngine threads = new ThreadEngine();
    engines.put(threads.name(), threads);
    try {
      for (RunEngine e : ServiceLoader.load(RunEngine.class, RunEngine.class.getClassLoader())) {
        engines.putIfAbsent(e.name(), e);
      }
    } catch (ServiceConfigurationError e) {
      throw new ConfigException("an engine on the class path cannot be loaded (" + e.getMessage() + (e.getCause() == null
          ? "" : ": " + e.getCause()) + "); expected its jar with its dependencies, e.g. qprob-spark with Spark's");
    }
    return engines;
  }

  /** The engine named {@code name}; one line listing the known ones otherwise. */
  static RunEngine named(String name) {
    Map<String, RunEngine> engines = all();
    RunEngine e = engines.get(name);
    if (e == null) {
      List<String> known = new ArrayList<>(engines.keySet());
      throw new ConfigException("--engine " + name + " is invalid; expected one of " + known
          + (known.contains("spark") ? "" : " (spark needs qprob-spark on the class path: ./qprob with"
              + " QPROB_SPARK=1)"));
    }
    return e;
  }
}
