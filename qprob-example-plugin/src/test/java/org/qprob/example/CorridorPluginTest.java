package org.qprob.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qprob.api.Options;
import org.qprob.api.PluginRegistry;
import org.qprob.api.env.Environment;
import org.qprob.api.env.EnvironmentProvider;
import org.qprob.api.env.StepResult;

class CorridorPluginTest {
  private static PluginRegistry<EnvironmentProvider> registry() {
    return PluginRegistry.load(EnvironmentProvider.class, "environment", EnvironmentProvider::id,
        CorridorPluginTest.class.getClassLoader());
  }

  private static Environment make(Map<String, ?> options) {
    return registry().get("Corridor-v0").create(new Options("env Corridor-v0", options));
  }

  @Test
  void isFoundByIdThroughServiceLoader() {
    PluginRegistry<EnvironmentProvider> registry = registry();
    assertThat(registry.all()).containsKey("Corridor-v0");
    assertThat(registry.get("Corridor-v0")).isInstanceOf(CorridorProvider.class);
    assertThat(registry.get("Corridor-v0").rewardThreshold()).hasValue(1.0);
    assertThatThrownBy(() -> registry.get("Corridoor-v0"))
        .hasMessage("unknown environment 'Corridoor-v0'; known: Corridor-v0");
  }

  @Test
  void walkingRightReachesTheEndAndPaysOne() {
    Environment env = make(Map.of("length", 4));
    assertThat(env.observationSpace().encodedSize()).isEqualTo(4);
    assertThat(env.reset(1L)).containsExactly(0f);
    assertThat(env.step(0).observation()).containsExactly(0f); // wall on the left
    for (int cell = 1; cell < 3; cell++) {
      StepResult r = env.step(1);
      assertThat(r.observation()).containsExactly((float) cell);
      assertThat(r.reward()).isZero();
      assertThat(r.done()).isFalse();
    }
    StepResult end = env.step(1);
    assertThat(end.observation()).containsExactly(3f);
    assertThat(end.reward()).isEqualTo(1.0);
    assertThat(end.terminated()).isTrue();
    assertThatThrownBy(() -> env.step(1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void isTruncatedByItsTimeLimitAndValidatesOptions() {
    Environment env = make(Map.of("max_episode_steps", 3));
    env.reset(0L);
    env.step(0);
    env.step(0);
    StepResult third = env.step(0);
    assertThat(third.truncated()).isTrue();
    assertThat(third.terminated()).isFalse();
    assertThatThrownBy(() -> make(Map.of("lenght", 3)))
        .hasMessage("env Corridor-v0: unknown option lenght; known options: [length, max_episode_steps]");
    assertThatThrownBy(() -> make(Map.of("length", 1)))
        .hasMessage("env Corridor-v0: option length = 1 is invalid; expected an integer in [2, 1000000]");
    assertThatThrownBy(() -> make(Map.of()).step(2))
        .hasMessage("Corridor-v0: action 2 is invalid; expected 0 (left) or 1 (right)");
  }
}
