package org.qprob.tensorboard;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A run's hyper-parameters for TensorBoard's HParams plugin, and the metrics its HParams view lists.
 *
 * @param values     hyper-parameter name to value: a {@link Number} (finite), {@link String} or {@link Boolean};
 *                   kept sorted by name
 * @param metricTags scalar tags to show as metrics, e.g. {@code charts/episodic_return}, {@code eval/mean_return}
 * @param groupName  the session group (runs of one variant across seeds share it); empty to group by run
 */
public record HyperParameters(SortedMap<String, Object> values, List<String> metricTags, String groupName) {
  public HyperParameters {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(groupName, "groupName");
    TreeMap<String, Object> copy = new TreeMap<>();
    values.forEach((name, value) -> copy.put(checkName(name), checkValue(name, value)));
    values = Collections.unmodifiableSortedMap(copy);
    metricTags = List.copyOf(metricTags);
    var seen = new HashSet<String>();
    for (String tag : metricTags) {
      if (tag.isBlank()) {
        throw new IllegalArgumentException("a metric tag is blank");
      }
      if (!seen.add(tag)) {
        throw new IllegalArgumentException("metric tag '" + tag + "' is listed twice");
      }
    }
  }

  /** Hyper-parameters grouped by run. */
  public static HyperParameters of(Map<String, ?> values, List<String> metricTags) {
    return new HyperParameters(new TreeMap<>(values), metricTags, "");
  }

  /** The same hyper-parameters in session group {@code name}. */
  public HyperParameters inGroup(String name) {
    return new HyperParameters(values, metricTags, name);
  }

  private static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a hyper-parameter name is blank");
    }
    return name;
  }

  private static Object checkValue(String name, Object value) {
    if (value instanceof Number number) {
      double d = number.doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("hyper-parameter '" + name + "' is " + d + "; use a finite number");
      }
      return value;
    }
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    throw new IllegalArgumentException("hyper-parameter '" + name + "' = " + value
        + " is not a number, string or boolean");
  }
}
