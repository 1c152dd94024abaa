package org.qprob.agents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qprob.agents.config.OriginalConfigs;
import org.qprob.agents.config.ReferenceConfig;

/** The same configuration and seed give the same episode returns; another seed gives others. */
class DeterminismTest {
  static Iterable<ReferenceConfig> configs() {
    return OriginalConfigs.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void sameSeedSameReturns(ReferenceConfig rc) {
    CartPoleRun.Outcome a = CartPoleRun.run(rc, 21, 600, Double.POSITIVE_INFINITY);
    CartPoleRun.Outcome b = CartPoleRun.run(rc, 21, 600, Double.POSITIVE_INFINITY);
    CartPoleRun.Outcome c = CartPoleRun.run(rc, 22, 150, Double.POSITIVE_INFINITY);
    assertThat(a.episodes().stream().mapToInt(e -> e.updates()).sum()).isGreaterThan(400);
    assertThat(b.returns()).containsExactly(a.returns());
    assertThat(b.episodes()).extracting(e -> e.meanLoss()).containsExactlyElementsOf(
        a.episodes().stream().map(e -> e.meanLoss()).toList());
    assertThat(c.returns().length).isGreaterThan(1);
    assertThat(c.returns()).isNotEqualTo(java.util.Arrays.copyOf(a.returns(), c.returns().length));
  }
}
