package org.qprob.envs.minatar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qprob.envs.Environments;
import org.qprob.envs.verify.TraceReport;
import org.qprob.envs.verify.TraceVerifier;

/** The ten MinAtar ids against the traces recorded from MinAtar itself ({@code golden/minatar/}). */
class MinAtarTraceTest {
  private final TraceVerifier verifier = new TraceVerifier(Environments.registry());

  @ParameterizedTest
  @ValueSource(strings = {"MinAtar/Asterix-v0", "MinAtar/Asterix-v1", "MinAtar/Breakout-v0", "MinAtar/Breakout-v1",
      "MinAtar/Freeway-v0", "MinAtar/Freeway-v1", "MinAtar/Seaquest-v0", "MinAtar/Seaquest-v1",
      "MinAtar/SpaceInvaders-v0", "MinAtar/SpaceInvaders-v1"})
  void replaysMinAtarTracesExactly(String id) {
    TraceReport report = verifier.verify(Environments.goldenMinAtar(id));
    assertThat(report.passed()).as(report.summary()).isTrue();
    assertThat(report.episodes()).isEqualTo(20);
    assertThat(report.steps()).isGreaterThanOrEqualTo(20);
    assertThat(report.envIds()).containsExactly(id);
  }
}
