package org.qprob.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loss from another jar ({@code qprob-example-plugin}'s {@code gaussian-nll}, a Gaussian return per action: an
 * output shape none of qprob's losses has) is selected by name in a config and trains through the same agent, with no
 * change to qprob's own modules; its predicted distributions are calibrated like the built-in ones.
 */
class PluginLossTest {
  @TempDir
  Path dir;

  @Test
  void aPluginLossWithItsOwnOutputShapeTrainsFromAConfig() throws IOException {
    Path config = Files.writeString(dir.resolve("plugin.yaml"), """
        name: plugin-loss
        env: {id: CartPole-v1}
        seeds: [3]
        budget: {envSteps: 600}
        evaluation: {everyEnvSteps: 300, episodes: 2}
        defaults:
          agent:
            network: {hidden: [16, 16]}
            exploration: {kind: epsilon-greedy, start: 1.0, end: 0.1, schedule: linear, unit: step, decaySteps: 500}
        variants:
          gaussian: {loss: {name: gaussian-nll}}
          gaussian-double: {loss: {name: gaussian-nll}, agent: {target: {source: double}}}
        """);
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("run", config.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    for (String variant : List.of("gaussian", "gaussian-double")) {
      Path run = out.resolve(variant).resolve("seed-3");
      assertThat(Files.readString(run.resolve("provenance.json"))).contains("\"gradientSteps\" : " + (600 - 64));
      List<String> calibration = Files.readAllLines(run.resolve("calibration.csv"));
      assertThat(calibration).anySatisfy(l -> assertThat(l).startsWith("300,gaussianreturn,"));
      assertThat(Files.readAllLines(run.resolve("episodes.csv")).get(3)).doesNotContain("NaN,NaN,NaN");
    }
    Cli.Result bad = Cli.run("run", config.toString(), "--out", dir.resolve("bad").toString(),
        "--set=variants.gaussian.agent.backup.kind=max");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("variants.gaussian.agent.backup.kind = \"max\" does not fit loss gaussian-nll; "
        + "expected one of [distributional] (or auto)");
  }
}
