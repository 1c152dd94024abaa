package org.qprob.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qprob.agents.training.TrainingLoop;
import org.qprob.api.agent.Agent;
import org.qprob.api.loss.Loss;
import org.qprob.experiments.config.ConfigReader;
import org.qprob.experiments.config.ExperimentConfig;
import org.qprob.experiments.guice.Plugins;
import org.qprob.experiments.run.RunSpec;
import org.qprob.experiments.runner.ExperimentValidator;
import org.qprob.experiments.runner.RunExecutor;

/**
 * Every config in configs/ validates, builds each variant's injector, and runs end to end on a tiny budget; an offline
 * config (a budget of gradient steps) learns from a tiny dataset recorded for its environment.
 */
class ShippedConfigsTest {
  static final Path CONFIGS = Path.of("..", "configs");
  /**
   * Tiny budget: enough steps for some gradient updates, one seed, evaluations on; a replay of 1,000 transitions (the
   * MinAtar configs' 100,000 grids would not fit a test JVM).
   */
  static final List<String> TINY = List.of("--set=budget.envSteps=300", "--set=seeds=1",
      "--set=defaults.agent.replay.learningStarts=128", "--set=defaults.agent.replay.capacity=1000",
      "--set=evaluation.everyEnvSteps=150",
      "--set=evaluation.episodes=1");

  /** The tiny budget of an offline config, which learns from {@link #tinySets}'s dataset. */
  static final List<String> OFFLINE_TINY = List.of("--set=budget.gradientSteps=60", "--set=seeds=1",
      "--set=evaluation.everyEnvSteps=30", "--set=evaluation.episodes=1", "--set=checkpoint.everyEnvSteps=30");

  @TempDir
  Path out;

  @TempDir
  Path datasets;

  /**
   * The tiny-budget overrides of {@code config}: {@link #TINY}, or for an offline config {@link #OFFLINE_TINY} and a
   * dataset of 300 random transitions of its environment recorded into {@code folder}.
   */
  static List<String> tinySets(Path config, Path folder) {
    List<ExperimentConfig> experiments = new ConfigReader().read(config, List.of());
    if (experiments.stream().noneMatch(e -> e.budget().offline())) {
      return TINY;
    }
    String env = experiments.get(0).env().id();
    assertThat(experiments).as("one environment per offline config").allMatch(e -> e.env().id().equals(env));
    Path dataset = folder.resolve(env + ".npz");
    Cli.Result r = Cli.run("record", "--policy", "random", "--env", env, "--steps", "300", "--out", dataset.toString());
    assertThat(r.code()).as(r.err()).isZero();
    return Stream.concat(OFFLINE_TINY.stream(), Stream.of("--set=defaults.agent.offline.dataset=" + dataset)).toList();
  }

  static Stream<Path> configs() throws IOException {
    try (Stream<Path> s = Files.list(CONFIGS)) {
      List<Path> files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertThat(files).extracting(p -> p.getFileName().toString()).contains("quick.yaml", "original-kl-vs-l2.yaml",
          "loss-ablation-cartpole.yaml", "dqn-variants.yaml", "soft-q-xql.yaml", "noisy-chain.yaml");
      return files.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("configs")
  void buildsEveryVariantsInjector(Path config) {
    Plugins plugins = Plugins.load();
    List<String> sets = tinySets(config, datasets).stream().map(s -> s.substring("--set=".length())).toList();
    List<ExperimentConfig> experiments = new ConfigReader().read(config, sets);
    for (ExperimentConfig e : experiments) {
      ExperimentConfig valid = new ExperimentValidator(plugins).validate(e, config.toString());
      for (String variant : valid.variants().keySet()) {
        RunSpec spec = RunSpec.of(valid, variant, valid.seeds().values().get(0), out.resolve(e.name()));
        Injector injector = RunExecutor.injector(plugins, spec);
        assertThat(injector.getInstance(Loss.class).name()).isEqualTo(spec.config().loss().name());
        assertThat(injector.getInstance(Agent.class)).isSameAs(injector.getInstance(Agent.class));
        assertThat(injector.getInstance(TrainingLoop.class)).isNotNull();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("configs")
  void runsOnATinyBudgetAndWritesTheReport(Path config) throws IOException {
    List<ExperimentConfig> experiments = new ConfigReader().read(config, List.of());
    List<String> tiny = tinySets(config, datasets);
    boolean offline = tiny != TINY;
    String[] args = Stream.concat(Stream.of("run", config.toString(), "--out", out.toString(), "--jobs", "2"),
        tiny.stream()).toArray(String[]::new);
    Cli.Result r = Cli.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    for (ExperimentConfig e : experiments) {
      Path dir = experiments.size() == 1 ? out : out.resolve(e.name());
      assertThat(dir.resolve("summary.md")).isRegularFile();
      assertThat(dir.resolve("summary.csv")).isRegularFile();
      assertThat(dir.resolve("curves.png")).isRegularFile();
      for (String variant : e.variants().keySet()) {
        Path run = dir.resolve(variant).resolve("seed-0");
        assertThat(run.resolve("episodes.csv")).isRegularFile();
        assertThat(run.resolve("eval.csv")).isRegularFile();
        assertThat(run.resolve("final-agent.ckpt")).isRegularFile();
        assertThat(Files.readString(run.resolve("provenance.json"))).contains("\"status\" : \"finished\"");
        assertThat(Files.readAllLines(run.resolve("eval.csv"))).as("evaluations at 150 and 300 steps (offline: 30"
            + " and 60 gradient steps)").hasSize(3);
        if (offline) {
          assertThat(Files.readAllLines(run.resolve("episodes.csv"))).as("an offline run has no training episodes")
              .hasSize(1);
        } else {
          assertThat(Files.readAllLines(run.resolve("calibration.csv"))).as("calibration of both evaluations")
              .hasSizeGreaterThanOrEqualTo(3);
        }
      }
    }
  }
}
