package org.qprob.experiments.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The seeds an experiment runs each variant with. In YAML either a count {@code n} (the seeds 0..n-1) or an explicit
 * list of distinct non-negative integers. Default: 5 (seeds 0..4).
 */
public record SeedList(List<Long> values) {
  /** The largest count accepted. */
  public static final int MAX_COUNT = 10_000;

  public SeedList {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("seeds = " + values + " is invalid; expected a count >= 1 or a non-empty list");
    }
    if (new HashSet<>(values).size() != values.size()) {
      throw new IllegalArgumentException("seeds = " + values + " is invalid; expected distinct seeds");
    }
    for (Long v : values) {
      if (v == null || v < 0) {
        throw new IllegalArgumentException("seeds = " + values + " is invalid; expected non-negative integers");
      }
    }
    values = List.copyOf(values);
  }

  /** The seeds 0..count-1. */
  public static SeedList count(int count) {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("seeds = " + count + " is invalid; expected a count in [1, " + MAX_COUNT
          + "] or a list of seeds");
    }
    List<Long> v = new ArrayList<>(count);
    for (long s = 0; s < count; s++) {
      v.add(s);
    }
    return new SeedList(v);
  }

  /** Five seeds, 0..4. */
  public static SeedList defaults() {
    return count(5);
  }

  /** Reads a count or a list. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static SeedList fromYaml(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return count(node.intValue());
    }
    if (node.isArray()) {
      List<Long> v = new ArrayList<>();
      for (JsonNode e : node) {
        if (!e.isIntegralNumber() || !e.canConvertToLong()) {
          throw new IllegalArgumentException("seeds = " + node + " is invalid; expected a list of non-negative integers");
        }
        v.add(e.longValue());
      }
      return new SeedList(v);
    }
    throw new IllegalArgumentException("seeds = " + node + " is invalid; expected a count >= 1 or a list of seeds");
  }

  /** Written as the explicit list. */
  @JsonValue
  @Override
  public List<Long> values() {
    return values;
  }
}
