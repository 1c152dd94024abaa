package org.qprob.envs.minatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.qprob.envs.Environments;

/**
 * {@link RandomState} against NumPy's own streams: {@code golden/minatar/numpy-randomstate.json}, or another file of
 * that format named by the system property {@code qprob.randomstate}.
 */
class RandomStateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path referenceFile() {
    String p = System.getProperty("qprob.randomstate");
    return p != null ? Path.of(p) : Environments.shared().resolve("golden/minatar/numpy-randomstate.json");
  }

  @Test
  void reproducesNumpysReferenceStreamsExactly() throws IOException {
    JsonNode root = JSON.readTree(referenceFile().toFile());
    int streams = 0;
    int calls = 0;
    for (JsonNode stream : root.get("streams")) {
      long seed = stream.get("seed").asLong();
      RandomState random = new RandomState(seed);
      int i = 0;
      for (JsonNode call : stream.get("calls")) {
        String where = "seed " + seed + " call " + i++ + " " + call;
        switch (call.get("call").asText()) {
          case "rand" -> assertThat(random.rand()).as(where).isEqualTo(call.get("value").asDouble());
          case "randint" -> assertThat(random.randint(call.get("low").asLong(), call.get("high").asLong()))
              .as(where).isEqualTo(call.get("value").asLong());
          case "rand_size" -> {
            double[] out = new double[call.get("size").asInt()];
            random.rand(out, out.length);
            for (int k = 0; k < out.length; k++) {
              assertThat(out[k]).as(where + " [" + k + "]").isEqualTo(call.get("value").get(k).asDouble());
            }
          }
          case "randint_size" -> {
            long[] out = new long[call.get("size").asInt()];
            random.randint(call.get("low").asLong(), call.get("high").asLong(), out, out.length);
            for (int k = 0; k < out.length; k++) {
              assertThat(out[k]).as(where + " [" + k + "]").isEqualTo(call.get("value").get(k).asLong());
            }
          }
          default -> throw new AssertionError(where + ": unknown call kind");
        }
        calls++;
      }
      streams++;
    }
    assertThat(streams).isPositive();
    assertThat(calls).isGreaterThanOrEqualTo(streams * 5);
  }

  /**
   * Paths MinAtar does not take, recorded here with NumPy 2.4.6 (whose legacy {@code RandomState} is 1.24's):
   * {@code r = RandomState([1, 2, 3]); r.rand(), r.randint(0, 2**40), r.randint(0, 2**32), r.randint(-5, 2**62)}
   * and {@code RandomState([4294967295]).rand()}.
   */
  @Test
  void arraySeedsAndWideRangesMatchNumpy() {
    RandomState r = new RandomState(new long[] {1, 2, 3});
    assertThat(r.rand()).isEqualTo(0.6098612722867289);
    assertThat(r.randint(0, 1L << 40)).isEqualTo(840058822749L);
    assertThat(r.randint(0, 1L << 32)).isEqualTo(2045850693L);
    assertThat(r.randint(-5, 1L << 62)).isEqualTo(3155720545917267861L);
    assertThat(new RandomState(new long[] {4294967295L}).rand()).isEqualTo(0.6353574441341173);
  }

  @Test
  void randintOfARangeOfOneDrawsNothing() {
    RandomState a = new RandomState(7);
    RandomState b = new RandomState(7);
    assertThat(a.randint(3, 4)).isEqualTo(3);
    assertThat(a.rand()).isEqualTo(b.rand());
  }

  @Test
  void badArgumentsFailWithOneLine() {
    assertThatThrownBy(() -> new RandomState(-1)).hasMessage("RandomState seed must be between 0 and 2^32 - 1, got -1");
    assertThatThrownBy(() -> new RandomState(1L << 32)).hasMessageContaining("between 0 and 2^32 - 1");
    assertThatThrownBy(() -> new RandomState(0).randint(5, 5)).hasMessage("randint: low >= high (5 >= 5)");
  }
}
