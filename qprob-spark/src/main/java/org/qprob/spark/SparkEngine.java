package org.qprob.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.qprob.experiments.config.ConfigMapper;
import org.qprob.experiments.run.RunOutcome;
import org.qprob.experiments.run.RunProgress;
import org.qprob.experiments.run.RunSpec;
import org.qprob.experiments.runner.RunEngine;
import org.qprob.experiments.runner.RunSettings;

/**
 * {@code --engine spark}: every run one task of one Spark job, each run's spec sent as JSON and executed by
 * {@link SparkRunTask}; the driver collects the outcomes when every task has ended. The master is {@code --master},
 * else the one {@code spark-submit} set, else {@code local[*]}. On a cluster, run folders are made absolute and must be
 * on a filesystem every executor mounts at the same path; the executors' class path is the driver's unless
 * {@code spark.jars} or {@code spark.executor.extraClassPath} says otherwise (same install path on every node).
 */
public final class SparkEngine implements RunEngine {
  /** Its name. */
  public static final String NAME = "spark";
  /** The master without {@code --master} or {@code spark-submit}: every core of this machine. */
  public static final String DEFAULT_MASTER = "local[*]";
  /** {@code local[N,F]}: F attempts per task in local mode. */
  private static final Pattern LOCAL_WITH_FAILURES = Pattern.compile("local\\[[^,\\]]+,\\s*(\\d+)\\]");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Apache Spark, one task per run; --master local[N] (default local[*]), local[N,F] to retry a failed run"
        + " F-1 times, or spark://host:7077";
  }

  @Override
  public boolean takesMaster() {
    return true;
  }

  @Override
  public String where(RunSettings settings, int runs) {
    return "Spark " + conf(settings).get("spark.master") + " (one task per run)";
  }

  @Override
  public List<RunOutcome> run(List<RunSpec> specs, RunSettings settings, RunProgress progress) {
    if (specs.isEmpty()) {
      return List.of();
    }
    ObjectMapper json = ConfigMapper.json();
    SparkConf conf = conf(settings);
    List<String> tasks = new ArrayList<>();
    List<String> results;
    try {
      boolean local = conf.get("spark.master").startsWith("local");
      for (RunSpec s : specs) {
        // local mode shares this working folder: the folders stay as given, so the files are the thread pool's
        tasks.add(json.writeValueAsString(local ? s : s.withOutputDir(s.folder().toAbsolutePath().toString())));
      }
      SparkRunTask task = new SparkRunTask(json.writeValueAsString(settings.code()), settings.finalEpisodes(),
          attempts(conf));
      try (JavaSparkContext spark = new JavaSparkContext(conf)) {
        results = spark.parallelize(tasks, tasks.size()).map(task).collect();
      }
      List<RunOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        RunOutcome o = json.readValue(results.get(i), RunOutcome.class);
        // the spec as the caller gave it (relative folders stay relative)
        RunOutcome back = new RunOutcome(specs.get(i), o.status(), o.skipped(), o.episodes(), o.envSteps(),
            o.gradientSteps(), o.finalReturn(), o.wallSeconds(), o.error(), o.resumedAtEnvStep());
        progress.ended(back);
        outcomes.add(back);
      }
      return outcomes;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot pass a run to Spark as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The Spark configuration of a sweep: the master, no web UI, one thread per run, and retries. */
  static SparkConf conf(RunSettings settings) {
    SparkConf conf = new SparkConf().setAppName("qprob");
    if (settings.master() != null) {
      conf.setMaster(settings.master());
    } else if (!conf.contains("spark.master")) {
      conf.setMaster(DEFAULT_MASTER);
    }
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.task.maxFailures", "4");
    conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", "1");
    if (!conf.get("spark.master").startsWith("local") && !conf.contains("spark.jars")) {
      conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
    }
    return conf;
  }

  /** How many times Spark runs a task: F of {@code local[N,F]}, 1 for other local masters, else maxFailures. */
  static int attempts(SparkConf conf) {
    String master = conf.get("spark.master");
    Matcher m = LOCAL_WITH_FAILURES.matcher(master);
    if (m.matches()) {
      return Integer.parseInt(m.group(1));
    }
    return master.startsWith("local") ? 1 : conf.getInt("spark.task.maxFailures", 4);
  }
}
