package org.qprob.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepTest {
  private final ConfigReader reader = new ConfigReader();

  private ExperimentConfig one(String yaml, String... sets) {
    List<ExperimentConfig> all = reader.readText(yaml, "sweep-test", "test.yaml", List.of(sets));
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void aGridGivesEveryCombinationNamedByItsValues() {
    ExperimentConfig c = one("""
        sweep:
          grid:
            defaults.agent.optimizer.learningRate: [1.0e-4, 3.0e-4, 1.0e-3]
            defaults.agent.gamma: [0.9, 0.99]
        """);
    assertThat(c.variants().keySet()).containsExactly(
        "learningRate-1e-4_gamma-0.9", "learningRate-1e-4_gamma-0.99",
        "learningRate-3e-4_gamma-0.9", "learningRate-3e-4_gamma-0.99",
        "learningRate-0.001_gamma-0.9", "learningRate-0.001_gamma-0.99");
    VariantConfig v = c.variants().get("learningRate-3e-4_gamma-0.99");
    assertThat(v.agent().optimizer().learningRate()).isEqualTo(3.0e-4);
    assertThat(v.agent().gamma()).isEqualTo(0.99);
    assertThat(c.variants().values()).allSatisfy(x -> assertThat(x.loss()).isEqualTo(LossConfig.defaults()));
    assertThat(c.report().rankBy()).isEqualTo("final-return");
    assertThat(c.variants().keySet()).allMatch(n -> ExperimentConfig.NAME.matcher(n).matches());
  }

  @Test
  void aGridCrossesTheDeclaredVariantsAndWinsOverThem() {
    ExperimentConfig c = one("""
        report: {rankBy: auc}
        defaults: {agent: {gamma: 0.95}}
        variants:
          l2: {loss: {name: l2}}
          huber: {loss: {name: huber}, agent: {gamma: 0.5}}
        sweep:
          grid: {defaults.agent.gamma: [0.9, 0.99]}
        """);
    assertThat(c.variants().keySet()).containsExactly("l2_gamma-0.9", "l2_gamma-0.99", "huber_gamma-0.9",
        "huber_gamma-0.99");
    assertThat(c.variants().get("huber_gamma-0.99").agent().gamma()).isEqualTo(0.99);
    assertThat(c.variants().get("huber_gamma-0.99").loss().name()).isEqualTo("huber");
    assertThat(c.report().rankBy()).isEqualTo("auc");
  }

  @Test
  void pathsEndingAlikeAreNamedByMoreOfTheirKeysAndTextIsMadeFolderSafe() {
    ExperimentConfig c = one("""
        sweep:
          grid:
            defaults.agent.exploration.start: [1.0]
            defaults.agent.target.updateEvery: [100]
            defaults.agent.replay.updateEvery: [1, 4]
            defaults.loss.name: ["l2", "huber"]
        """);
    assertThat(c.variants().keySet()).contains("start-1_target.updateEvery-100_replay.updateEvery-4_name-huber");
    assertThat(c.variants()).hasSize(4);
    assertThat(SweepVariants.safe("a=b,c d/e")).isEqualTo("a.b.c.d.e");
    assertThat(SweepVariants.number(3.16227766e-4)).isEqualTo("3.16e-4");
    assertThat(SweepVariants.number(12345.0)).isEqualTo("1.23e4");
    assertThat(SweepVariants.number(0.5)).isEqualTo("0.5");
  }

  private static final String RANDOM = """
      seeds: 1
      defaults: {agent: {replay: {learningStarts: 128}}}
      sweep:
        samples: 20
        seed: 7
        space:
          defaults.agent.optimizer.learningRate: {logUniform: [1.0e-5, 1.0e-2]}
          defaults.agent.gamma: {uniform: [0.9, 0.999]}
          defaults.agent.replay.batchSize: {choice: [32, 64, 128]}
      """;

  @Test
  void randomSearchIsDeterministicWithinItsRangesAndDependsOnItsSeed() {
    ExperimentConfig a = one(RANDOM);
    ExperimentConfig b = one(RANDOM);
    assertThat(a.variants()).isEqualTo(b.variants());
    assertThat(a.variants()).hasSize(20);
    List<Double> rates = new ArrayList<>();
    for (VariantConfig v : a.variants().values()) {
      double lr = v.agent().optimizer().learningRate();
      rates.add(lr);
      assertThat(lr).isBetween(1.0e-5, 1.0e-2);
      assertThat(v.agent().gamma()).isBetween(0.9, 0.999);
      assertThat(v.agent().replay().batchSize()).isIn(32, 64, 128);
    }
    assertThat(new HashSet<>(rates)).hasSize(20);
    // log-uniform: about as many draws below 3.16e-4 (the log midpoint) as above
    assertThat(rates.stream().filter(r -> r < 3.1623e-4).count()).isBetween(4L, 16L);
    assertThat(new HashSet<>(a.variants().values().stream().map(v -> v.agent().replay().batchSize()).toList()))
        .hasSizeGreaterThan(1);
    ExperimentConfig other = one(RANDOM, "sweep.seed=8");
    assertThat(other.variants().keySet()).isNotEqualTo(a.variants().keySet());
    assertThat(a.variants().keySet()).allMatch(n -> ExperimentConfig.NAME.matcher(n).matches());
  }

  @Test
  void namesStayUniqueWhenRoundedValuesRepeat() {
    ExperimentConfig c = one("""
        sweep:
          samples: 3
          space: {defaults.agent.gamma: {uniform: [0.5, 0.5000001]}}
        """);
    assertThat(c.variants().keySet()).containsExactly("gamma-0.5", "gamma-0.5_2", "gamma-0.5_3");
  }

  @Test
  void aPathOutsideTheVariantsFailsNamingItAndTheValidRoots() {
    assertThatThrownBy(() -> one("sweep: {grid: {budget.episodes: [10, 20]}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("test.yaml: sweep: grid.budget.episodes is invalid; expected a path under [defaults.agent,"
            + " defaults.loss] (a sweep varies what a variant sets), e.g. defaults.agent.optimizer.learningRate");
  }

  @Test
  void anUnknownKeyFailsNamingTheVariantTheKeyAndTheKnownKeys() {
    assertThatThrownBy(() -> one("sweep: {grid: {defaults.agent.optimizer.learningrate: [0.1]}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("test.yaml: sweep variant learningrate-0.1: unknown key agent.optimizer.learningrate;"
            + " known keys of agent.optimizer: [")
        .hasMessageContaining("learningRate")
        .hasMessageEndingWith("(the sweep sets [defaults.agent.optimizer.learningrate])");
  }

  @Test
  void aBadValueFailsNamingTheVariantAndWhatIsValid() {
    assertThatThrownBy(() -> one("sweep: {grid: {defaults.agent.gamma: [0.9, 1.5]}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("test.yaml: sweep variant gamma-1.5: agent.gamma = 1.5 is invalid");
    assertThatThrownBy(() -> one("sweep: {grid: {defaults.agent.replay.batchSize: [abc]}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("test.yaml: sweep variant batchSize-abc: agent.replay.batchSize = \"abc\" is"
            + " invalid; expected an integer");
  }

  @Test
  void badRangesFailInOneLine() {
    assertThatThrownBy(() -> one("sweep: {samples: 2, space: {defaults.agent.gamma: {logUniform: [0, 1]}}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("logUniform = [0.0, 1.0] is invalid; expected [low, high] with 0 < low < high");
    assertThatThrownBy(() -> one("sweep: {space: {defaults.agent.gamma: {uniform: [0.9, 0.99]}}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("sweep.samples = 0 is invalid");
    assertThatThrownBy(() -> one("sweep: {samples: 2, space: {defaults.agent.gamma: {uniform: [0.9, 0.99],"
        + " choice: [0.9]}}}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("expected exactly one of uniform");
    assertThatThrownBy(() -> one("sweep: {grid: {defaults.agent.gamma: [0.9]}, sample: 3}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key sweep.sample; known keys of sweep: [grid, samples, seed, space]");
    assertThatThrownBy(() -> one("report: {rankBy: best}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("report.rankBy = \"best\" is invalid; expected one of [final-return, final-eval,"
            + " auc, steps-to-threshold]");
  }

  @Test
  void theResolvedConfigReadsBackToTheSameVariants() {
    ExperimentConfig c = one(RANDOM);
    String text = org.qprob.experiments.run.ExperimentFolder.configText(c);
    assertThat(text).doesNotContain("space:");
    assertThat(reader.readText(text, "x", "experiment.yaml", List.of())).containsExactly(c);
  }
}
