package org.qprob.envs.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qprob.envs.Environments;

class TraceVerifierTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TraceVerifier verifier = new TraceVerifier(Environments.registry());

  @ParameterizedTest
  @ValueSource(strings = {"CartPole-v1", "Acrobot-v1", "MountainCar-v0", "FrozenLake-v1", "CliffWalking-v1", "Taxi-v4"})
  void replaysGymnasiumTracesExactly(String id) {
    TraceReport report = verifier.verify(Environments.golden(id));
    assertThat(report.passed()).as(report.summary()).isTrue();
    assertThat(report.episodes()).isEqualTo(10);
    assertThat(report.steps()).isPositive();
    assertThat(report.maxObservationDifference()).isZero();
    assertThat(report.envIds()).containsExactly(id);
  }

  /**
   * Gymnasium's Acrobot gives different trajectories under different NumPy releases: 1.22-1.24 on AVX-512 (the golden
   * trace) compute float64 sin/cos with Intel SVML, 1.25 and later with the C library, here glibc, which rounds them
   * correctly on every recorded step. Of seeds 0-9 two differ; the NumPy 2.4.6 recording of those two is replayed
   * exactly with {@code sin_cos: correctly-rounded}, and neither recording is replayed by the other choice.
   */
  @Test
  void acrobotReplaysTheNumpy2RecordingWithCorrectlyRoundedSinCosAndOnlyWithIt(@TempDir Path dir) throws Exception {
    Path numpy2 = Path.of(getClass().getResource("/acrobot/Acrobot-v1-numpy2.jsonl").toURI());
    TraceReport correctlyRounded = verifier.verify(numpy2);
    assertThat(correctlyRounded.passed()).as(correctlyRounded.summary()).isTrue();
    assertThat(correctlyRounded.episodes()).isEqualTo(2);
    assertThat(correctlyRounded.steps()).isEqualTo(992);

    TraceReport svmlOnNumpy2 = verifier.verify(withOptions(numpy2, "{}", dir.resolve("svml.jsonl")));
    assertThat(svmlOnNumpy2.passed()).isFalse();
    assertThat(svmlOnNumpy2.mismatchedEpisodes()).isEqualTo(2);

    TraceReport correctlyRoundedOnGolden = verifier.verify(withOptions(Environments.golden("Acrobot-v1"),
        "{\"sin_cos\": \"correctly-rounded\"}", dir.resolve("correctly-rounded.jsonl")));
    assertThat(correctlyRoundedOnGolden.mismatchedEpisodes()).as("seeds 2 and 4").isEqualTo(2);
    assertThat(correctlyRoundedOnGolden.firstMismatch()).contains(":3 step 453");
    assertThat(correctlyRoundedOnGolden.maxObservationDifference()).isLessThan(1e-5);
    assertThat(correctlyRoundedOnGolden.rewardMismatches() + correctlyRoundedOnGolden.terminatedMismatches()).isZero();
  }

  @Test
  void cartPoleReplaysItsTraceWithEitherSinCos(@TempDir Path dir) throws IOException {
    TraceReport report = verifier.verify(withOptions(Environments.golden("CartPole-v1"),
        "{\"sin_cos\": \"correctly-rounded\"}", dir.resolve("cartpole.jsonl")));
    assertThat(report.passed()).as(report.summary()).isTrue();
  }

  private static Path withOptions(Path trace, String options, Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(trace)) {
      ObjectNode record = (ObjectNode) JSON.readTree(line);
      record.set("options", JSON.readTree(options));
      lines.add(JSON.writeValueAsString(record));
    }
    return Files.write(out, lines);
  }

  @Test
  void reportsAnAlteredTraceAsMismatching(@TempDir Path dir) throws IOException {
    List<String> lines = Files.readAllLines(Environments.golden("CartPole-v1"));
    ObjectNode record = (ObjectNode) JSON.readTree(lines.get(0));
    ArrayNode obs = (ArrayNode) record.get("steps").get(2).get("obs");
    float changed = Math.nextUp((float) obs.get(1).doubleValue());
    obs.set(1, JSON.getNodeFactory().numberNode((double) changed));
    ((ObjectNode) record.get("steps").get(3)).put("reward", 0.5);
    ((ObjectNode) record.get("steps").get(4)).put("terminated", true);
    lines.set(0, JSON.writeValueAsString(record));
    Path altered = dir.resolve("altered.jsonl");
    Files.write(altered, lines);

    TraceReport report = verifier.verify(altered);
    assertThat(report.passed()).isFalse();
    assertThat(report.observationMismatches()).isEqualTo(1);
    assertThat(report.rewardMismatches()).isEqualTo(1);
    assertThat(report.terminatedMismatches()).isEqualTo(1);
    assertThat(report.truncatedMismatches()).isZero();
    assertThat(report.mismatchedEpisodes()).isEqualTo(1);
    assertThat(report.maxObservationDifference()).isPositive().isLessThan(1e-6);
    assertThat(report.firstMismatch()).contains("altered.jsonl:1 step 2");
    assertThat(report.summary()).startsWith("FAIL altered.jsonl CartPole-v1: 10 episodes (1 mismatched)");
  }

  @Test
  void aMissingFileFailsNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("nope.jsonl");
    assertThatThrownBy(() -> verifier.verify(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trace file " + missing + " does not exist");
  }

  @Test
  void aMalformedLineFailsNamingFileAndLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(Environments.golden("FrozenLake-v1")).subList(0, 2));
    lines.add("{\"env\": \"FrozenLake-v1\", \"steps\": [");
    Files.write(file, lines);
    assertThatThrownBy(() -> verifier.verify(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(file + ":3: malformed trace record")
        .hasMessageNotContaining("\n");

    Files.write(file, List.of("{\"env\": \"FrozenLake-v1\", \"options\": {}, \"initial_obs\": [0], \"initial_state\": 0}"));
    assertThatThrownBy(() -> verifier.verify(file))
        .hasMessage(file + ":1: malformed trace record: missing \"steps\"");
  }

  @Test
  void anUnknownEnvironmentFailsNamingFileLineAndKnownIds(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("unknown.jsonl");
    Files.write(file, List.of("{\"env\": \"Pong-v5\", \"options\": {}, \"initial_obs\": [0], \"initial_state\": 0, "
        + "\"steps\": []}"));
    assertThatThrownBy(() -> verifier.verify(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(file + ":1: unknown environment 'Pong-v5'; known: ")
        .hasMessageContaining("CartPole-v1");
  }

  @Test
  void taxiV3HasTaxiV4sDefaultDynamics(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("Taxi-v3.jsonl");
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(Environments.golden("Taxi-v4"))) {
      lines.add(line.replace("\"env\":\"Taxi-v4\"", "\"env\":\"Taxi-v3\""));
    }
    Files.write(file, lines);
    TraceReport report = verifier.verify(file);
    assertThat(report.envIds()).containsExactly("Taxi-v3");
    assertThat(report.passed()).as(report.summary()).isTrue();
  }
}
