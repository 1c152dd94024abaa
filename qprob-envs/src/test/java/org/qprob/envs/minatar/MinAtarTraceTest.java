package org.qprob.envs.minatar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qprob.envs.Environments;
import org.qprob.envs.verify.TraceReport;
import org.qprob.envs.verify.TraceVerifier;

/** The ten MinAtar ids against the traces recorded from MinAtar itself ({@code golden/minatar/}). */
class MinAtarTraceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
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

  /** Each trace's {@code action_set} (what MinAtar acted for each env action) is the env's. */
  @ParameterizedTest
  @ValueSource(strings = {"MinAtar/Asterix-v0", "MinAtar/Asterix-v1", "MinAtar/Breakout-v0", "MinAtar/Breakout-v1",
      "MinAtar/Freeway-v0", "MinAtar/Freeway-v1", "MinAtar/Seaquest-v0", "MinAtar/Seaquest-v1",
      "MinAtar/SpaceInvaders-v0", "MinAtar/SpaceInvaders-v1"})
  void theTracesActionSetsAreTheEnvironments(String id) throws Exception {
    MinAtar env = (MinAtar) Environments.make(id);
    JsonNode record = JSON.readTree(Files.readAllLines(Environments.goldenMinAtar(id)).get(0));
    JsonNode actionSet = record.get("action_set");
    assertThat(actionSet.size()).isEqualTo(env.actionSpace().n());
    for (int a = 0; a < actionSet.size(); a++) {
      assertThat(env.minAtarAction(a).index()).as("%s action %d", id, a).isEqualTo(actionSet.get(a).asInt());
    }
    assertThat(record.get("shape").toString()).isEqualTo(java.util.Arrays.toString(env.shape()).replace(" ", ""));
  }

  /**
   * Scripted play ({@code minatar/record_minatar_traces.py}, recorded from MinAtar 4241f24) reaching what random play
   * does not: Seaquest surfacing with six divers and ramping, Breakout's bricks coming back, SpaceInvaders clearing
   * waves, Freeway's 2500-step end, Asterix ramping eight times; under the default options, without sticky actions or
   * ramping, and with sticky probability 0.5.
   */
  @Test
  void replaysScriptedPlayWithOtherOptionsExactly() throws Exception {
    Path trace = Path.of(getClass().getResource("/minatar/minatar-scripted.jsonl").toURI());
    TraceReport report = verifier.verify(trace);
    assertThat(report.passed()).as(report.summary()).isTrue();
    assertThat(report.episodes()).isEqualTo(26);
    assertThat(report.envIds()).hasSize(10);
    assertThat(report.steps()).isEqualTo(17951);
  }

  /** The recorded actions are the README's LCG stream, drawn every step or every 8 steps. */
  @Test
  void theGoldenActionsAreTheLcgStream() throws Exception {
    for (String line : Files.readAllLines(Environments.goldenMinAtar("MinAtar/Seaquest-v1"))) {
      JsonNode record = JSON.readTree(line);
      long x = record.get("seed").asLong();
      int hold = record.get("hold").asInt();
      int n = record.get("action_set").size();
      int action = -1;
      JsonNode steps = record.get("steps");
      for (int i = 0; i < steps.size(); i++) {
        if (i % hold == 0) {
          x = x * 6364136223846793005L + 1442695040888963407L;
          action = (int) ((x >>> 33) % n);
        }
        assertThat(steps.get(i).get("action").asInt()).as("seed %d hold %d step %d", record.get("seed").asLong(), hold, i)
            .isEqualTo(action);
      }
    }
  }

  @Test
  void reportsAnAlteredTraceAsMismatching(@TempDir Path dir) throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(Environments.goldenMinAtar("MinAtar/Breakout-v1")));
    ObjectNode record = (ObjectNode) JSON.readTree(lines.get(0));
    ObjectNode step = (ObjectNode) record.get("steps").get(2);
    String hex = step.get("obs").asText();
    step.put("obs", (hex.charAt(0) == '0' ? "8" : "0") + hex.substring(1));
    ((ObjectNode) record.get("steps").get(3)).put("reward", 1.0);
    lines.set(0, JSON.writeValueAsString(record));
    Path altered = Files.write(dir.resolve("altered.jsonl"), lines);

    TraceReport report = verifier.verify(altered);
    assertThat(report.passed()).isFalse();
    assertThat(report.observationMismatches()).isEqualTo(1);
    assertThat(report.rewardMismatches()).isEqualTo(1);
    assertThat(report.mismatchedEpisodes()).isEqualTo(1);
    assertThat(report.firstMismatch()).contains("altered.jsonl:1 step 2");
  }

  /** Without sticky actions the same seeds and actions give other episodes: the shared generator matters. */
  @Test
  void theStickyActionsAreReplayedToo(@TempDir Path dir) throws Exception {
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(Environments.goldenMinAtar("MinAtar/SpaceInvaders-v1"))) {
      ObjectNode record = (ObjectNode) JSON.readTree(line);
      record.set("options", JSON.readTree("{\"sticky_action_prob\": 0.0}"));
      lines.add(JSON.writeValueAsString(record));
    }
    TraceReport report = verifier.verify(Files.write(dir.resolve("no-sticky.jsonl"), lines));
    assertThat(report.passed()).isFalse();
    assertThat(report.mismatchedEpisodes()).isGreaterThan(10);
  }
}
