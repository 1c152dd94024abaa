package org.qprob.agents.xq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qprob.agents.CartPoleRun;
import org.qprob.agents.Fixtures;
import org.qprob.agents.config.OriginalConfigs;
import org.qprob.agents.config.ReferenceConfig;

/** ExtremeQAgent reports a NaN or an infinity among its parameters, so a runner can stop a diverged run. */
class FiniteParametersTest {
  static Stream<ReferenceConfig> configs() {
    return OriginalConfigs.all().stream().filter(rc -> rc.agent().type().equals("extreme-q"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configs")
  void aNonFiniteParameterIsReported(ReferenceConfig rc) {
    ExtremeQAgent agent = (ExtremeQAgent) CartPoleRun.agent(rc, Fixtures.env("CartPole-v1"), 7);
    assertThat(agent.parametersFinite()).isTrue();
    float kept = agent.q().parameters().getFloat(3);
    agent.q().parameters().putScalar(3, Float.NaN);
    assertThat(agent.parametersFinite()).isFalse();
    agent.q().parameters().putScalar(3, Float.NEGATIVE_INFINITY);
    assertThat(agent.parametersFinite()).isFalse();
    agent.q().parameters().putScalar(3, kept);
    assertThat(agent.parametersFinite()).isTrue();
  }
}
