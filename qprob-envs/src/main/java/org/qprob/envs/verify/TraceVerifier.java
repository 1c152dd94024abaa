package org.qprob.envs.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.qprob.api.Options;
import org.qprob.api.PluginRegistry;
import org.qprob.api.env.Environment;
import org.qprob.api.env.EnvironmentProvider;
import org.qprob.api.env.StepResult;

/**
 * Replays JSONL traces recorded from Gymnasium (the format of {@code golden/README.md}: one episode per line with
 * {@code env}, {@code options}, {@code seed}, {@code initial_obs}, {@code initial_state} and {@code steps}) against
 * the environments of a registry. Each episode is made by id with the record's options, put into
 * {@code initial_state} by {@link Environment#resetTo}, and driven by the recorded actions; every observation,
 * reward and flag is compared with the record. A recorded episode may stop without either flag (the recorder's cap);
 * if the environment ends an episode that the record continues, the mismatch is counted and the rest of that
 * episode is skipped.
 *
 * <p>Traces recorded from MinAtar (the format of {@code golden/minatar/README.md}: {@code env}, {@code seed},
 * optional {@code options}, {@code shape}, {@code initial_obs} and each step's {@code obs} as hex strings of the boolean grid packed 8 cells to a
 * byte, most significant bit first, and no {@code truncated} flag) are recognised by their hex {@code initial_obs}:
 * each episode starts with {@link Environment#reset(long)} with the record's seed (MinAtar's dynamics draw from
 * their generator while stepping, so the seed, not a state, fixes the episode), every grid cell is compared as 0 or 1,
 * and {@code truncated} is expected false.
 *
 * <p>A missing or unreadable file, a malformed line or an unknown environment id fails with one line naming the file
 * and line.
 */
public final class TraceVerifier {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PluginRegistry<EnvironmentProvider> environments;

  /** @param environments where the traces' environment ids are looked up */
  public TraceVerifier(PluginRegistry<EnvironmentProvider> environments) {
    if (environments == null) {
      throw new IllegalArgumentException("TraceVerifier needs an environment registry, got null");
    }
    this.environments = environments;
  }

  /** Replays every episode of {@code file} and reports what differed. */
  public TraceReport verify(Path file) {
    Tally tally = new Tally(file);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNumber = 0;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        replay(parse(file, lineNumber, line), file + ":" + lineNumber, tally);
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("trace file " + file + " does not exist");
    } catch (IOException e) {
      throw new UncheckedIOException("trace file " + file + " cannot be read: " + e.getMessage(), e);
    }
    return tally.report();
  }

  private static Episode parse(Path file, int lineNumber, String line) {
    String where = file + ":" + lineNumber;
    JsonNode root;
    try {
      root = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(where + ": malformed trace record: "
          + e.getOriginalMessage().replace('\n', ' '));
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(where + ": malformed trace record: expected a JSON object");
    }
    String env = text(root, "env", where);
    if (root.path("initial_obs").isTextual()) {
      return parseMinAtar(root, env, where);
    }
    Map<String, Object> options = options(root, where);
    float[] initialObs = floats(field(root, "initial_obs", where), "initial_obs", where);
    JsonNode stateNode = field(root, "initial_state", where);
    double[] initialState = stateNode.isNumber() ? new double[] {stateNode.doubleValue()}
        : doubles(stateNode, "initial_state", where);
    JsonNode stepsNode = field(root, "steps", where);
    if (!stepsNode.isArray()) {
      throw new IllegalArgumentException(where + ": malformed trace record: \"steps\" must be an array");
    }
    ArrayList<RecordedStep> steps = new ArrayList<>(stepsNode.size());
    for (int i = 0; i < stepsNode.size(); i++) {
      JsonNode s = stepsNode.get(i);
      String at = where + " step " + i;
      JsonNode action = field(s, "action", at);
      if (!action.canConvertToInt() || !action.isIntegralNumber()) {
        throw new IllegalArgumentException(at + ": malformed trace record: \"action\" must be an integer, got " + action);
      }
      steps.add(new RecordedStep(action.intValue(), floats(field(s, "obs", at), "obs", at),
          number(field(s, "reward", at), "reward", at), bool(field(s, "terminated", at), "terminated", at),
          bool(field(s, "truncated", at), "truncated", at)));
    }
    return new Episode(env, options, initialObs, initialState, 0L, steps);
  }

  /** The record's {@code options}, empty if absent. */
  private static Map<String, Object> options(JsonNode root, String where) {
    JsonNode optionsNode = root.get("options");
    if (optionsNode == null || optionsNode.isNull()) {
      return Map.of();
    }
    if (!optionsNode.isObject()) {
      throw new IllegalArgumentException(where + ": malformed trace record: \"options\" must be an object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> converted = JSON.convertValue(optionsNode, Map.class);
    return converted;
  }

  /** A MinAtar record: reset seed, grid shape, packed hex grids, no {@code truncated}. */
  private static Episode parseMinAtar(JsonNode root, String env, String where) {
    JsonNode seed = field(root, "seed", where);
    if (!seed.canConvertToLong() || !seed.isIntegralNumber()) {
      throw new IllegalArgumentException(where + ": malformed trace record: \"seed\" must be an integer, got " + seed);
    }
    JsonNode shape = field(root, "shape", where);
    int cells = 1;
    if (!shape.isArray() || shape.isEmpty()) {
      throw new IllegalArgumentException(where + ": malformed trace record: \"shape\" must be a non-empty array of sizes");
    }
    for (JsonNode n : shape) {
      if (!n.canConvertToInt() || n.intValue() <= 0) {
        throw new IllegalArgumentException(where + ": malformed trace record: \"shape\" must hold positive sizes, got "
            + shape);
      }
      cells *= n.intValue();
    }
    float[] initialObs = grid(text(root, "initial_obs", where), cells, "initial_obs", where);
    JsonNode stepsNode = field(root, "steps", where);
    if (!stepsNode.isArray()) {
      throw new IllegalArgumentException(where + ": malformed trace record: \"steps\" must be an array");
    }
    ArrayList<RecordedStep> steps = new ArrayList<>(stepsNode.size());
    for (int i = 0; i < stepsNode.size(); i++) {
      JsonNode s = stepsNode.get(i);
      String at = where + " step " + i;
      JsonNode action = field(s, "action", at);
      if (!action.canConvertToInt() || !action.isIntegralNumber()) {
        throw new IllegalArgumentException(at + ": malformed trace record: \"action\" must be an integer, got " + action);
      }
      steps.add(new RecordedStep(action.intValue(), grid(text(s, "obs", at), cells, "obs", at),
          number(field(s, "reward", at), "reward", at), bool(field(s, "terminated", at), "terminated", at), false));
    }
    return new Episode(env, options(root, where), initialObs, null, seed.longValue(), steps);
  }

  /** {@code numpy.packbits} undone: {@code cells} values 0 or 1, most significant bit of each byte first. */
  private static float[] grid(String hex, int cells, String name, String where) {
    if (hex.length() != 2 * ((cells + 7) / 8)) {
      throw new IllegalArgumentException(where + ": malformed trace record: \"" + name + "\" must be "
          + 2 * ((cells + 7) / 8) + " hex digits for " + cells + " cells, got " + hex.length());
    }
    float[] out = new float[cells];
    for (int i = 0; i < cells; i++) {
      int digit = Character.digit(hex.charAt(i / 4), 16);
      if (digit < 0) {
        throw new IllegalArgumentException(where + ": malformed trace record: \"" + name + "\" has a non-hex digit '"
            + hex.charAt(i / 4) + "'");
      }
      out[i] = (digit >> (3 - i % 4)) & 1;
    }
    return out;
  }

  private void replay(Episode episode, String where, Tally tally) {
    EnvironmentProvider provider;
    try {
      provider = environments.get(episode.env());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
    Environment env;
    try {
      env = provider.create(new Options("env " + episode.env(), episode.options()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
    tally.episode(episode.env());
    float[] obs;
    try {
      obs = episode.initialState() != null ? env.resetTo(episode.initialState()) : env.reset(episode.seed());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
    tally.observation(where + " initial_obs", episode.initialObs(), obs);
    for (int i = 0; i < episode.steps().size(); i++) {
      RecordedStep recorded = episode.steps().get(i);
      String at = where + " step " + i;
      StepResult result;
      try {
        result = env.step(recorded.action());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
      }
      tally.step();
      tally.observation(at, recorded.obs(), result.observation());
      tally.reward(at, recorded.reward(), result.reward());
      tally.terminated(at, recorded.terminated(), result.terminated());
      tally.truncated(at, recorded.truncated(), result.truncated());
      if (result.done() && i + 1 < episode.steps().size()) {
        break; // the environment ended the episode early; the flag mismatch is already counted
      }
    }
  }

  private static JsonNode field(JsonNode node, String name, String where) {
    JsonNode v = node == null ? null : node.get(name);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(where + ": malformed trace record: missing \"" + name + "\"");
    }
    return v;
  }

  private static String text(JsonNode node, String name, String where) {
    JsonNode v = field(node, name, where);
    if (!v.isTextual()) {
      throw new IllegalArgumentException(where + ": malformed trace record: \"" + name + "\" must be a string, got " + v);
    }
    return v.textValue();
  }

  private static double number(JsonNode v, String name, String where) {
    if (!v.isNumber()) {
      throw new IllegalArgumentException(where + ": malformed trace record: \"" + name + "\" must be a number, got " + v);
    }
    return v.doubleValue();
  }

  private static boolean bool(JsonNode v, String name, String where) {
    if (!v.isBoolean()) {
      throw new IllegalArgumentException(where + ": malformed trace record: \"" + name + "\" must be true or false, got "
          + v);
    }
    return v.booleanValue();
  }

  private static double[] doubles(JsonNode v, String name, String where) {
    if (!v.isArray() || v.isEmpty()) {
      throw new IllegalArgumentException(where + ": malformed trace record: \"" + name
          + "\" must be a non-empty array of numbers");
    }
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(v.get(i), name, where);
    }
    return out;
  }

  private static float[] floats(JsonNode v, String name, String where) {
    double[] d = doubles(v, name, where);
    float[] out = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = (float) d[i];
    }
    return out;
  }

  /** One recorded episode; {@code initialState} is null for a seeded (MinAtar) record, which starts from {@code seed}. */
  private record Episode(String env, Map<String, Object> options, float[] initialObs, double[] initialState, long seed,
      java.util.List<RecordedStep> steps) {}

  private record RecordedStep(int action, float[] obs, double reward, boolean terminated, boolean truncated) {}

  /** The running counts of one file. */
  private static final class Tally {
    private final Path file;
    private final Set<String> envIds = new LinkedHashSet<>();
    private int episodes;
    private int mismatchedEpisodes;
    private boolean episodeMismatched;
    private long steps;
    private double maxDifference;
    private long observationMismatches;
    private long rewardMismatches;
    private long terminatedMismatches;
    private long truncatedMismatches;
    private String firstMismatch = "";

    Tally(Path file) {
      this.file = file;
    }

    void episode(String env) {
      envIds.add(env);
      episodes++;
      episodeMismatched = false;
    }

    void step() {
      steps++;
    }

    void observation(String where, float[] expected, float[] actual) {
      boolean same = expected.length == actual.length;
      for (int i = 0; i < Math.min(expected.length, actual.length); i++) {
        maxDifference = Math.max(maxDifference, Math.abs((double) expected[i] - (double) actual[i]));
        if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
          same = false;
        }
      }
      if (!same) {
        observationMismatches++;
        first(where + ": observation " + java.util.Arrays.toString(actual) + ", recorded "
            + java.util.Arrays.toString(expected));
      }
    }

    void reward(String where, double expected, double actual) {
      if (Double.compare(expected, actual) != 0) {
        rewardMismatches++;
        first(where + ": reward " + actual + ", recorded " + expected);
      }
    }

    void terminated(String where, boolean expected, boolean actual) {
      if (expected != actual) {
        terminatedMismatches++;
        first(where + ": terminated " + actual + ", recorded " + expected);
      }
    }

    void truncated(String where, boolean expected, boolean actual) {
      if (expected != actual) {
        truncatedMismatches++;
        first(where + ": truncated " + actual + ", recorded " + expected);
      }
    }

    private void first(String what) {
      if (!episodeMismatched) {
        episodeMismatched = true;
        mismatchedEpisodes++;
      }
      if (firstMismatch.isEmpty()) {
        firstMismatch = what;
      }
    }

    TraceReport report() {
      return new TraceReport(file, new ArrayList<>(envIds), episodes, mismatchedEpisodes, steps, maxDifference, observationMismatches,
          rewardMismatches, terminatedMismatches, truncatedMismatches, firstMismatch);
    }
  }
}
