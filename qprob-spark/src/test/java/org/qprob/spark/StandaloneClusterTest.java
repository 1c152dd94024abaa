package org.qprob.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standalone Spark cluster on localhost, from the Spark jars on the test class path (no Spark distribution): a
 * master and a worker started by the test as child JVMs, the worker launching its executors as JVMs of their own. A
 * small sweep runs there while the test kills the executor once, mid-run; the runs Spark retries on a new executor
 * continue from their checkpoints and end with the thread pool's files.
 */
class StandaloneClusterTest {
  private static final String CONFIG = """
      name: cluster
      env: {id: CartPole-v1}
      seeds: [5]
      budget: {envSteps: 1500}
      evaluation: {everyEnvSteps: 500, episodes: 2}
      checkpoint: {everyEnvSteps: 100}
      logging: {tensorboard: false}
      defaults:
        agent:
          network: {hidden: [16]}
          replay: {learningStarts: 64}
          exploration: {kind: epsilon-greedy, start: 1.0, end: 0.1, schedule: linear, unit: step, decaySteps: 500}
      sweep:
        grid: {defaults.agent.optimizer.learningRate: [1.0e-3, 3.0e-3]}
      """;

  @TempDir
  Path dir;

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopCluster() throws InterruptedException {
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    System.clearProperty("spark.driver.host");
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void aSweepOnAStandaloneClusterSurvivesALostExecutorWithTheThreadPoolsFiles() throws Exception {
    Path config = Files.writeString(dir.resolve("cluster.yaml"), CONFIG);
    SparkEngineTest.Result threads = SparkEngineTest.qprob("run", config.toString(), "--out",
        dir.resolve("threads").toString(), "--jobs", "2");
    assertThat(threads.code()).as(threads.err()).isZero();

    int port = freePort();
    String url = "spark://127.0.0.1:" + port;
    Path masterLog = dir.resolve("master.log");
    Path workerLog = dir.resolve("worker.log");
    start(masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
        Integer.toString(port), "--webui-port", Integer.toString(freePort()));
    awaitLine(masterLog, "I have been elected leader");
    Process worker = start(workerLog, "org.apache.spark.deploy.worker.Worker", url, "--host", "127.0.0.1",
        "--cores", "2", "--memory", "2g", "--work-dir", dir.resolve("work").toString(), "--webui-port",
        Integer.toString(freePort()));
    awaitLine(workerLog, "Successfully registered with master");

    Path out = dir.resolve("cluster");
    AtomicBoolean killed = new AtomicBoolean();
    Thread killer = new Thread(() -> killExecutorMidRun(worker, out, killed), "kill-executor");
    killer.setDaemon(true);
    killer.start();
    System.setProperty("spark.driver.host", "127.0.0.1");
    SparkEngineTest.Result spark = SparkEngineTest.qprob("run", config.toString(), "--out", out.toString(),
        "--engine", "spark", "--master", url);
    killer.join(Duration.ofSeconds(5).toMillis());
    assertThat(spark.code()).as(spark.err()).isZero();
    assertThat(killed).as("an executor was killed mid-run").isTrue();
    for (String variant : List.of("learningRate-0.001", "learningRate-0.003")) {
      Path a = dir.resolve("threads").resolve(variant).resolve("seed-5");
      Path b = out.resolve(variant).resolve("seed-5");
      assertThat(withoutWallClock(b.resolve("episodes.csv"))).as(variant)
          .isEqualTo(withoutWallClock(a.resolve("episodes.csv")));
      assertThat(withoutWallClock(b.resolve("eval.csv"))).as(variant)
          .isEqualTo(withoutWallClock(a.resolve("eval.csv")));
      assertThat(Files.readAllBytes(b.resolve("final-agent.ckpt"))).as(variant)
          .isEqualTo(Files.readAllBytes(a.resolve("final-agent.ckpt")));
    }
    assertThat(out.resolve("summary.md")).exists();
  }

  /** Kills the worker's executor JVMs once, as soon as a run has a checkpoint but has not finished. */
  private static void killExecutorMidRun(Process worker, Path out, AtomicBoolean killed) {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (midRun(out)) {
        List<ProcessHandle> executors = worker.descendants().toList();
        if (!executors.isEmpty()) {
          executors.forEach(ProcessHandle::destroyForcibly);
          killed.set(true);
          return;
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static boolean midRun(Path out) {
    if (!Files.isDirectory(out)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(out)) {
      return files.anyMatch(f -> f.getFileName().toString().equals("checkpoint.bin")
          && !Files.exists(f.resolveSibling("final-agent.ckpt")));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private Process start(Path log, String mainClass, String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    // their INFO lines say when the master leads and the worker has registered (qprob-spark's own config keeps
    // Spark to warnings)
    Path logConfig = dir.resolve("log4j2-info.properties");
    Files.writeString(logConfig, """
        rootLogger.level = info
        rootLogger.appenderRef.stdout.ref = console
        appender.console.type = Console
        appender.console.name = console
        appender.console.layout.type = PatternLayout
        appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
        """);
    List<String> command = new ArrayList<>(List.of(java, "-Xmx256m",
        "-Dlog4j2.configurationFile=" + logConfig.toUri()));
    command.addAll(Arrays.asList(System.getProperty("qprob.spark.jvmFlags", "").trim().split("\\s+")));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    Path home = Files.createDirectories(dir.resolve("spark-home"));
    ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // no Spark distribution: SPARK_TESTING lets the worker build executor command lines from the class path alone
    b.environment().put("SPARK_HOME", home.toString());
    b.environment().put("SPARK_TESTING", "1");
    b.environment().put("SPARK_SCALA_VERSION", "2.13");
    b.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    b.environment().put("OMP_NUM_THREADS", "1");
    Process p = b.start();
    started.add(p);
    return p;
  }

  private static void awaitLine(Path log, String text) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log) && Files.readString(log).contains(text)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no \"" + text + "\" in " + log + ":\n"
        + (Files.exists(log) ? Files.readString(log) : "(no log)"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static List<String> withoutWallClock(Path csv) throws IOException {
    return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
  }
}
