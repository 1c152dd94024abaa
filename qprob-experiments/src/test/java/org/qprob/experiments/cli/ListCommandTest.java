package org.qprob.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListCommandTest {
  @Test
  void listsEveryPluginWithOneLineEachIncludingOneFromAnotherJar() {
    Cli.Result r = Cli.run("list");
    assertThat(r.code()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).contains("environments:", "losses:", "agents:");
    // qprob-example-plugin is only a test dependency: its environment is found through ServiceLoader alone
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  Corridor-v0 ").contains("example plugin"));
    for (String name : List.of("CartPole-v1", "Acrobot-v1", "MountainCar-v0", "FrozenLake-v1", "CliffWalking-v1",
        "Taxi-v3", "Taxi-v4", "NoisyChain-v0", "gumbel-kl", "terminal-nll", "l2", "huber", "xql", "q-learning",
        "extreme-q", "offline-xql", "cql", "offline-dqn", "bc")) {
      assertThat(lines).as(name).filteredOn(l -> l.startsWith("  " + name + " ")).hasSize(1)
          .allSatisfy(l -> assertThat(l.substring(name.length() + 2).strip()).isNotEmpty());
    }
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  CartPole-v1 ").endsWith("(reward threshold 475.0)"));
    // run observers: the NoisyChain analysis, and the example plugin's, found through ServiceLoader alone
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("run observers"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  noisy-chain ").contains("noisy-chain-values.csv"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  episode-tally ").contains("example plugin"));
  }
}
