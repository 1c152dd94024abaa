package org.qprob.experiments.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * An experiment's {@code sweep} section: the variants it expands into, over config paths of what a variant sets
 * ({@code defaults.agent...} or {@code defaults.loss...}). The points are the grid's every combination (the first
 * path varying slowest), each crossed with {@code samples} random draws when {@code space} is set; each point is crossed
 * with the declared {@code variants}, if any. The reader ({@link ConfigReader}) turns them into variants.
 *
 * @param grid path to the values it takes, in the order written; default none
 * @param samples how many random points to draw from {@code space}, at least 1 when {@code space} is set; default 0
 * @param seed the seed of random search: sample {@code i} draws its values, path by path in the order written, from
 *     the {@code i}-th {@link SplittableRandom#split()} of {@code new SplittableRandom(seed)}, so the same file gives
 *     the same sweep; default 0
 * @param space path to the range random search draws it from; default none
 */
public record SweepConfig(Map<String, List<JsonNode>> grid, Integer samples, Long seed,
    Map<String, SweepRange> space) {
  /** What every sweep path starts with: the sweep varies the variants' own config. */
  public static final String ROOT = "defaults";
  /** The sections of a variant a path may go into. */
  public static final List<String> SECTIONS = List.of("agent", "loss");

  public SweepConfig {
    grid = grid == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(grid));
    space = space == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(space));
    samples = samples == null ? 0 : samples;
    seed = seed == null ? 0L : seed;
    for (Map.Entry<String, List<JsonNode>> e : grid.entrySet()) {
      checkPath("grid", e.getKey());
      if (e.getValue() == null || e.getValue().isEmpty()) {
        throw new IllegalArgumentException("grid." + e.getKey() + " = " + e.getValue()
            + " is invalid; expected a list of at least one value");
      }
    }
    for (String path : space.keySet()) {
      checkPath("space", path);
      if (grid.containsKey(path)) {
        throw new IllegalArgumentException("space." + path + " is invalid; the grid sets that path too; expected"
            + " each path in one of grid, space");
      }
    }
    if (samples < 0 || (!space.isEmpty() && samples < 1)) {
      throw new IllegalArgumentException("samples = " + samples + " is invalid; expected an integer >= 1 with a"
          + " space to draw from");
    }
    if (samples > 0 && space.isEmpty()) {
      throw new IllegalArgumentException("samples = " + samples + " is invalid without a space; expected space:"
          + " {path: {uniform | logUniform | choice: ...}}");
    }
    if (grid.isEmpty() && space.isEmpty()) {
      throw new IllegalArgumentException("a sweep is invalid with neither grid nor space; expected grid: {path:"
          + " [values]} or samples: N with space: {path: range}");
    }
  }

  /** One point of the sweep: a value for each path (a variant's keys, without {@link #ROOT}), in the sweep's order. */
  public record Point(Map<List<String>, JsonNode> values) {
    public Point {
      values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }

  /** Every point: the grid's combinations, each crossed with the random samples. */
  public List<Point> points() {
    List<Map<List<String>, JsonNode>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<JsonNode>> e : grid.entrySet()) {
      List<Map<List<String>, JsonNode>> next = new ArrayList<>();
      for (Map<List<String>, JsonNode> c : combos) {
        for (JsonNode v : e.getValue()) {
          Map<List<String>, JsonNode> m = new LinkedHashMap<>(c);
          m.put(variantPath(e.getKey()), v);
          next.add(m);
        }
      }
      combos = next;
    }
    List<Map<List<String>, JsonNode>> draws = new ArrayList<>();
    if (space.isEmpty()) {
      draws.add(Map.of());
    } else {
      SplittableRandom root = new SplittableRandom(seed);
      for (int i = 0; i < samples; i++) {
        SplittableRandom random = root.split();
        Map<List<String>, JsonNode> m = new LinkedHashMap<>();
        for (Map.Entry<String, SweepRange> e : space.entrySet()) {
          m.put(variantPath(e.getKey()), e.getValue().draw(random));
        }
        draws.add(m);
      }
    }
    List<Point> points = new ArrayList<>();
    for (Map<List<String>, JsonNode> c : combos) {
      for (Map<List<String>, JsonNode> d : draws) {
        Map<List<String>, JsonNode> m = new LinkedHashMap<>(c);
        m.putAll(d);
        points.add(new Point(m));
      }
    }
    return points;
  }

  /** {@code defaults.agent.gamma} as a variant's keys: {@code [agent, gamma]}. */
  static List<String> variantPath(String path) {
    List<String> keys = ConfigTree.splitPath(path);
    return List.copyOf(keys.subList(1, keys.size()));
  }

  private static void checkPath(String section, String path) {
    List<String> keys = ConfigTree.splitPath(path);
    if (keys.size() < 3 || !keys.get(0).equals(ROOT) || !SECTIONS.contains(keys.get(1))
        || keys.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException(section + "." + path + " is invalid; expected a path under "
          + SECTIONS.stream().map(s -> ROOT + "." + s).toList() + " (a sweep varies what a variant sets), e.g. "
          + ROOT + ".agent.optimizer.learningRate");
    }
  }
}
