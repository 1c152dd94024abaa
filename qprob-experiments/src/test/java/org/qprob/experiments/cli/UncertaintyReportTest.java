package org.qprob.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.Injector;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qprob.agents.random.Seeds;
import org.qprob.agents.training.DiscountedReturns;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.Agent;
import org.qprob.api.agent.ValuePredictor;
import org.qprob.api.dist.Distribution;
import org.qprob.api.dist.Gumbel;
import org.qprob.api.dist.Normal;
import org.qprob.api.env.Environment;
import org.qprob.api.env.StepResult;
import org.qprob.experiments.calibration.CalibrationMetrics;
import org.qprob.experiments.calibration.CalibrationRow;
import org.qprob.experiments.config.ConfigMapper;
import org.qprob.experiments.guice.ForEvaluation;
import org.qprob.experiments.guice.Plugins;
import org.qprob.experiments.noisychain.NoisyChainReport;
import org.qprob.experiments.run.CsvFile;
import org.qprob.experiments.run.RunFiles;
import org.qprob.experiments.run.RunSpec;
import org.qprob.experiments.runner.RunExecutor;

/**
 * End to end on a tiny NoisyChain-v0 experiment: every run of a value-predicting agent writes {@code calibration.csv}
 * (a Gumbel agent its own distribution and the Gaussian, a point agent the Gaussian), whose last row is what the final
 * agent predicts on the final evaluation's episodes; the report adds the calibration and NoisyChain-v0 sections and
 * their files, and {@code qprob report} renders them again identically from the files.
 */
class UncertaintyReportTest {
  private static final String CONFIG = """
      name: chain
      env:
        id: NoisyChain-v0
        options: {length: 6, noisy_states: first_half, noise_low: 0.05, noise_high: 1.0, start: uniform, gamma: 0.9}
      seeds: [0, 1]
      budget: {envSteps: 800}
      evaluation: {everyEnvSteps: 400, episodes: 30}
      defaults:
        agent:
          gamma: 0.9
          network: {hidden: [16]}
          replay: {learningStarts: 64}
          target: {source: target-network, updateEvery: 50}
          exploration: {kind: epsilon-greedy, start: 1.0, end: 0.1, schedule: linear, unit: step, decaySteps: 400}
      variants:
        gumbel-kl: {loss: {name: gumbel-kl}}
        l2: {loss: {name: l2}}
      """;

  @TempDir
  Path dir;

  @Test
  void calibrationAndTheNoisyChainAnalysisAreWrittenAndReRendered() throws IOException {
    Path config = Files.writeString(dir.resolve("chain.yaml"), CONFIG);
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("run", config.toString(), "--out", out.toString(), "--jobs", "2");
    assertThat(r.code()).as(r.err()).isZero();

    for (String variant : List.of("gumbel-kl", "l2")) {
      for (long seed : List.of(0L, 1L)) {
        Path run = RunSpec.runFolder(out, variant, seed);
        List<CalibrationRow> rows = CsvFile.read(run.resolve(RunFiles.CALIBRATION), CalibrationRow.COLUMNS,
            CalibrationRow::parse);
        List<String> models = variant.equals("gumbel-kl") ? List.of("gumbel", "gaussian") : List.of("gaussian");
        List<String> expectedModels = new ArrayList<>();
        models.forEach(expectedModels::add);
        models.forEach(expectedModels::add);
        assertThat(rows).extracting(CalibrationRow::model).containsExactlyElementsOf(expectedModels);
        assertThat(rows).extracting(CalibrationRow::envSteps).allMatch(s -> s == 400 || s == 800);
        for (CalibrationRow row : rows) {
          // no time limit: every evaluation episode terminates; every step counts
          assertThat(row.censored()).isZero();
          assertThat(row.metrics().n()).isBetween(30, 30 * 6);
          assertThat(row.metrics().nll()).isFinite();
          assertThat(java.util.Arrays.stream(row.metrics().pit()).sum()).isCloseTo(1, within(1e-9));
        }
        assertThat(run.resolve(RunFiles.CALIBRATION_STATE)).doesNotExist();
        List<CalibrationRow> last = rows.subList(rows.size() - models.size(), rows.size());
        Replay replay = replay(run);
        if (variant.equals("gumbel-kl")) {
          assertThat(CalibrationMetrics.of(replay.gumbels(), replay.returns())).isEqualTo(last.get(0).metrics());
        }
        // the Gaussian's spread comes from the training episodes: take it from the row, check the rest
        CalibrationMetrics gaussian = last.get(last.size() - 1).metrics();
        Distribution[] normals = java.util.Arrays.stream(replay.values())
            .mapToObj(q -> new Normal(q, gaussian.sd())).toArray(Distribution[]::new);
        CalibrationMetrics expected = CalibrationMetrics.of(normals, replay.returns());
        assertThat(gaussian.n()).isEqualTo(expected.n());
        assertThat(gaussian.nll()).isCloseTo(expected.nll(), within(1e-9));
        assertThat(gaussian.cover50()).isEqualTo(expected.cover50());
        assertThat(gaussian.cover90()).isEqualTo(expected.cover90());
        assertThat(gaussian.bias()).isCloseTo(expected.bias(), within(1e-12));
      }
    }

    String summary = Files.readString(out.resolve("summary.md"));
    assertThat(summary).contains("## Calibration of the predicted returns (last evaluation)")
        .contains("| gumbel-kl | gumbel | 2 |").contains("| gumbel-kl | gaussian | 2 |").contains("| l2 | gaussian | 2 |")
        .contains("## NoisyChain-v0: learned uncertainty and value error");
    for (String file : List.of("calibration.png", "calibration-summary.csv", NoisyChainReport.PLOT,
        NoisyChainReport.STATES_CSV, NoisyChainReport.RUNS_CSV)) {
      assertThat(out.resolve(file)).isRegularFile();
    }
    List<String> perRun = Files.readAllLines(out.resolve(NoisyChainReport.RUNS_CSV));
    assertThat(perRun).hasSize(1 + 4);
    for (String line : perRun.subList(1, perRun.size())) {
      String[] f = line.split(",");
      boolean gumbel = f[0].equals("gumbel-kl");
      double rho = Double.parseDouble(f[2]);
      assertThat(Double.isNaN(rho)).as(line).isEqualTo(!gumbel);
      if (gumbel) {
        assertThat(rho).isBetween(-1.0, 1.0);
      }
      assertThat(Double.parseDouble(f[4])).as("value error on quiet states").isFinite().isNotNegative();
    }
    assertThat(Files.readAllLines(out.resolve(NoisyChainReport.STATES_CSV))).hasSize(1 + 4 * 6);

    byte[] before = Files.readAllBytes(out.resolve("summary.md"));
    byte[] csvBefore = Files.readAllBytes(out.resolve(NoisyChainReport.STATES_CSV));
    Cli.Result again = Cli.run("report", out.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(Files.readAllBytes(out.resolve("summary.md"))).isEqualTo(before);
    assertThat(Files.readAllBytes(out.resolve(NoisyChainReport.STATES_CSV))).isEqualTo(csvBefore);
  }

  /** The final evaluation's pairs: Gumbel predictions (null for a point agent), point values, realised returns. */
  private record Replay(Distribution[] gumbels, double[] values, double[] returns) {
  }

  /**
   * The final evaluation replayed by hand: the final agent restored from its file, the evaluation episodes played
   * greedily from their seeds, each step paired with its realised discounted return.
   */
  private static Replay replay(Path run) throws IOException {
    RunSpec spec = ConfigMapper.strictYaml().readValue(run.resolve(RunFiles.CONFIG).toFile(), RunSpec.class);
    Injector injector = RunExecutor.injector(Plugins.load(), spec);
    Agent agent = injector.getInstance(Agent.class);
    try (InputStream in = Files.newInputStream(run.resolve(RunFiles.AGENT))) {
      agent.restore(new DataInputStream(in));
    }
    ValuePredictor predictor = (ValuePredictor) agent;
    Environment env = injector.getInstance(com.google.inject.Key.get(Environment.class, ForEvaluation.class));
    List<Distribution> predicted = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<Double> realised = new ArrayList<>();
    Map<Integer, Integer> lengths = new TreeMap<>();
    for (int j = 0; j < spec.evaluation().episodes(); j++) {
      float[] obs = env.reset(Seeds.derive(spec.seeds().evaluation(), j));
      List<float[]> states = new ArrayList<>();
      List<Integer> actions = new ArrayList<>();
      List<Double> rewards = new ArrayList<>();
      while (true) {
        int a = agent.act(obs, ActMode.GREEDY);
        StepResult step = env.step(a);
        states.add(obs);
        actions.add(a);
        rewards.add(step.reward());
        if (step.done()) {
          break;
        }
        obs = step.observation();
      }
      lengths.merge(states.size(), 1, Integer::sum);
      double[] g = DiscountedReturns.of(rewards.stream().mapToDouble(Double::doubleValue).toArray(),
          spec.config().agent().gamma());
      for (int t = 0; t < states.size(); t++) {
        predicted.add(predictor.distributional() ? (Gumbel) predictor.returnDistributions(states.get(t))[actions.get(t)]
            : null);
        values.add(predictor.actionValues(states.get(t))[actions.get(t)]);
        realised.add(g[t]);
      }
    }
    assertThat(lengths).as("episodes of several lengths").hasSizeGreaterThan(1);
    return new Replay(predicted.toArray(Distribution[]::new), values.stream().mapToDouble(Double::doubleValue).toArray(),
        realised.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
