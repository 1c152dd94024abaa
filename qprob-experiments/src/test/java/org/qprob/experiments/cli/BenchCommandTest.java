package org.qprob.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code qprob bench} measures any reference configuration, and any registered loss in its place. */
class BenchCommandTest {
  @Test
  void measuresTheDistributionalConfigsAndAnyLoss() {
    Cli.Result r = Cli.run("bench", "--config", "c51,qr-dqn", "--warmup", "200", "--steps", "200");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).anyMatch(l -> l.startsWith("c51 ")).anyMatch(l -> l.startsWith("qr-dqn "));
    Cli.Result swapped = Cli.run("bench", "--config", "dqn-target", "--loss", "quantile-huber", "--warmup", "200",
        "--steps", "200");
    assertThat(swapped.code()).as(swapped.err()).isZero();
    assertThat(swapped.out().lines()).anyMatch(l -> l.startsWith("dqn-target/quantile-huber "));
    Cli.Result bad = Cli.run("bench", "--loss", "l3");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--loss = l3 is invalid; expected one of [");
  }
}
