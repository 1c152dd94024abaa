package org.qprob.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code qprob bench} measures any reference configuration, and any registered loss in its place, and splits each
 * step's time between the update and the rest.
 */
class BenchCommandTest {
  @Test
  void measuresTheDistributionalConfigsAndAnyLoss() {
    Cli.Result r = Cli.run("bench", "--config", "c51,qr-dqn", "--warmup", "200", "--steps", "200");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines()).anyMatch(l -> l.startsWith("c51 ")).anyMatch(l -> l.startsWith("qr-dqn "));
    // the split of each step's wall time: update, act, observe, other, in percent, adding up to the whole
    String row = r.out().lines().filter(l -> l.startsWith("c51 ")).findFirst().orElseThrow();
    String[] cells = row.trim().split("\\s+");
    double[] split = new double[4];
    for (int k = 0; k < 4; k++) {
      split[k] = Double.parseDouble(cells[cells.length - 4 + k].replace("%", ""));
    }
    assertThat(split[0]).as("update share of %s", row).isGreaterThan(10);
    assertThat(split[1]).as("act share of %s", row).isGreaterThan(0);
    assertThat(split[0] + split[1] + split[2] + split[3]).as("shares of %s", row).isBetween(99.5, 100.5);
    Cli.Result swapped = Cli.run("bench", "--config", "dqn-target", "--loss", "quantile-huber", "--warmup", "200",
        "--steps", "200");
    assertThat(swapped.code()).as(swapped.err()).isZero();
    assertThat(swapped.out().lines()).anyMatch(l -> l.startsWith("dqn-target/quantile-huber "));
    Cli.Result bad = Cli.run("bench", "--loss", "l3");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--loss = l3 is invalid; expected one of [");
  }
}
