package org.qprob.experiments.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qprob.agents.config.BackupConfig;
import org.qprob.agents.config.OriginalConfigs;
import org.qprob.agents.config.ReferenceConfig;
import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.guice.Plugins;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qprob bench}: end-to-end training throughput (environment steps per second, one update per step, as the
 * original scripts train) of the original configurations, printed as a table with the settings in force, for
 * the two original scripts the ratio to their own speed on this machine kind, and where each step's wall time went:
 * the agent's update (replay sampling and the gradient step), its act, its observe, and the rest (the environment
 * and the loop).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure training throughput (environment steps per second including one update per step) of the"
        + " original configurations on CartPole-v1, alone and optionally several runs in parallel.")
public final class BenchCommand implements Callable<Integer> {
  /**
   * The original scripts' training speed on this machine kind, one thread, machine otherwise idle
   * ({@code shared/baseline/README.md}: PyTorch 1.13 on the CPU, Gymnasium 1.4.0 CartPole-v1), in environment steps
   * per second.
   */
  static final Map<String, Double> ORIGINAL_STEPS_PER_SECOND = Map.of("q-prob", 137.0, "base-q-learning", 218.0);

  @Spec
  private CommandSpec spec;

  @Option(names = "--steps", defaultValue = "5000", description = "timed environment steps per run (default ${DEFAULT-VALUE})")
  private long steps;

  @Option(names = "--warmup", defaultValue = "1000",
      description = "untimed steps first, on the same agent (default ${DEFAULT-VALUE})")
  private long warmup;

  @Option(names = "--parallel", arity = "0..1", fallbackValue = "2", defaultValue = "0", paramLabel = "RUNS",
      description = "also train RUNS runs at once, one thread each, and report the speed-up over one (RUNS default 2)")
  private int parallel;

  @Option(names = "--config", split = ",", paramLabel = "NAME",
      description = "configurations to measure (default q-prob,base-q-learning; any of ${COMPLETION-CANDIDATES})",
      completionCandidates = ConfigNames.class)
  private List<String> configs = List.of("q-prob", "base-q-learning");

  @Option(names = "--loss", paramLabel = "NAME",
      description = "train the chosen configurations with this registered loss instead (default options, backup auto)")
  private String loss;

  @Option(names = "--env", defaultValue = "CartPole-v1", description = "environment id (default ${DEFAULT-VALUE})")
  private String env;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the first run (default ${DEFAULT-VALUE})")
  private long seed;

  /** The names {@code --config} accepts. */
  static final class ConfigNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    ConfigNames() {
      super(byName().keySet());
    }
  }

  private static Map<String, ReferenceConfig> byName() {
    Map<String, ReferenceConfig> m = new LinkedHashMap<>();
    for (ReferenceConfig rc : OriginalConfigs.all()) {
      m.put(rc.name(), rc);
    }
    return m;
  }

  @Override
  public Integer call() {
    Map<String, ReferenceConfig> known = byName();
    List<ReferenceConfig> chosen = new ArrayList<>();
    for (String name : configs) {
      ReferenceConfig rc = known.get(name);
      if (rc == null) {
        throw new ConfigException("--config = " + name + " is invalid; expected one of " + known.keySet());
      }
      chosen.add(rc);
    }
    if (parallel == 1 || parallel < 0) {
      throw new ConfigException("--parallel = " + parallel + " is invalid; expected at least 2 runs");
    }
    Plugins plugins = Plugins.load();
    if (loss != null) {
      if (!plugins.losses().all().containsKey(loss)) {
        throw new ConfigException("--loss = " + loss + " is invalid; expected one of "
            + List.copyOf(plugins.losses().all().keySet()) + " (see qprob list)");
      }
      chosen.replaceAll(rc -> new ReferenceConfig(rc.name() + "/" + loss, loss, Map.of(),
          rc.agent().withBackup(BackupConfig.defaults()), rc.notes() + "; loss " + loss));
    }
    if (!plugins.environments().all().containsKey(env)) {
      throw new ConfigException("--env = " + env + " is invalid; expected one of "
          + plugins.environments().all().keySet());
    }
    ThroughputMeasurement measurement;
    try {
      measurement = new ThroughputMeasurement(plugins, env, warmup, steps);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--" + e.getMessage());
    }

    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "qprob bench: %s, %d untimed + %d timed steps per run, one update per step, no evaluation%n",
        env, warmup, steps);
    out.println(settings());
    if (!"1".equals(System.getenv("OMP_NUM_THREADS"))) {
      out.println("warning: OMP_NUM_THREADS is not 1: ND4J then runs each update on several threads, 10-50x slower"
          + " on networks this small (./qprob sets it to 1)");
    }
    out.flush();

    List<Row> rows = new ArrayList<>();
    for (ReferenceConfig rc : chosen) {
      Row single = new Row(rc.name(), List.of(measurement.measure(rc, seed)));
      rows.add(single);
      print(out, rows);
      if (parallel >= 2) {
        rows.add(new Row(rc.name(), measurement.measureParallel(rc, seed, parallel)));
        print(out, rows);
      }
    }
    out.printf(Locale.ROOT, "load average at the end: %.2f%n", loadAverage());
    out.flush();
    return 0;
  }

  /** One line of the table: one run alone, or several at once. */
  private record Row(String config, List<Throughput> runs) {
    long steps() {
      return runs.stream().mapToLong(Throughput::steps).sum();
    }

    /** Steps of all runs per second of the longest run's wall time. */
    double stepsPerSecond() {
      return steps() / runs.stream().mapToDouble(Throughput::wallSeconds).max().orElseThrow();
    }

    double cpuStepsPerSecond() {
      return steps() / runs.stream().mapToDouble(Throughput::cpuSeconds).sum();
    }

    double updatesPerStep() {
      return runs.stream().mapToLong(Throughput::updates).sum() / (double) steps();
    }

    /** The share of the runs' wall time that {@code part} took. */
    double share(java.util.function.ToDoubleFunction<Throughput> part) {
      return runs.stream().mapToDouble(part).sum() / runs.stream().mapToDouble(Throughput::wallSeconds).sum();
    }
  }

  private static final String HEADER = String.format(Locale.ROOT,
      "%-16s %4s %9s %9s %8s %11s %8s %9s %9s %7s %6s %8s %6s",
      "config", "runs", "steps/s", "per run", "ms/step", "CPU steps/s", "upd/step", "original", "ratio", "update",
      "act", "observe", "other");

  /** Reprints the table so far (each row appears as soon as it is measured). */
  private static void print(PrintWriter out, List<Row> rows) {
    Row r = rows.get(rows.size() - 1);
    if (rows.size() == 1) {
      out.println();
      out.println(HEADER);
    }
    int n = r.runs().size();
    double perRun = r.stepsPerSecond() / n;
    Double original = ORIGINAL_STEPS_PER_SECOND.get(r.config());
    out.printf(Locale.ROOT, "%-16s %4d %9.1f %9.1f %8.3f %11.1f %8.2f %9s %9s %6.1f%% %5.1f%% %7.1f%% %5.1f%%%n",
        r.config(), n, r.stepsPerSecond(), perRun, 1e3 / perRun, r.cpuStepsPerSecond(), r.updatesPerStep(),
        original == null ? "-" : String.format(Locale.ROOT, "%.0f", original),
        original == null ? "-" : String.format(Locale.ROOT, "%.2fx", perRun / original),
        100 * r.share(Throughput::updateSeconds), 100 * r.share(Throughput::actSeconds),
        100 * r.share(Throughput::observeSeconds), 100 * r.share(Throughput::otherSeconds));
    if (n > 1) {
      Row alone = null;
      for (Row other : rows) {
        if (other.config().equals(r.config()) && other.runs().size() == 1) {
          alone = other;
        }
      }
      if (alone != null) {
        out.printf(Locale.ROOT, "  %d runs at once: %.2fx the throughput of one%n", n,
            r.stepsPerSecond() / alone.stepsPerSecond());
      }
    }
    out.flush();
  }

  /** The settings that decide the speed, on one line. */
  static String settings() {
    Runtime rt = Runtime.getRuntime();
    return String.format(Locale.ROOT,
        "cores %d | OMP_NUM_THREADS=%s | OPENBLAS_CORETYPE=%s | Java %s (%s) | max heap %d MiB | load average %.2f",
        rt.availableProcessors(), env("OMP_NUM_THREADS"), env("OPENBLAS_CORETYPE"), System.getProperty("java.version"),
        System.getProperty("java.vm.name"), rt.maxMemory() / (1024 * 1024), loadAverage());
  }

  private static String env(String name) {
    String v = System.getenv(name);
    return v == null ? "(unset)" : v;
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
