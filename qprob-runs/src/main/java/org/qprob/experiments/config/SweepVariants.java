package org.qprob.experiments.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands a {@link SweepConfig} into variant trees, each named by its values: {@code learningRate-3e-4_gamma-0.99}
 * (each path by its last key, or by more of its keys where two paths end alike; {@code key-value} pairs joined by
 * {@code _}), prefixed by the declared variant's name ({@code l2_learningRate-3e-4}) when the sweep crosses declared
 * variants. Names keep to {@link ExperimentConfig#NAME}: characters it does not allow become {@code .}, random draws
 * show three significant digits, and a name that would repeat another or run past 100 characters gets {@code _<n>}
 * (its point's number) instead.
 */
final class SweepVariants {
  private static final int MAX_NAME = 100;

  private SweepVariants() {}

  /**
   * The variant trees of the sweep, in order: each declared variant (name to its complete tree; the empty name for
   * an experiment with none declared) crossed with each point, the point's values set over the variant's.
   */
  static Map<String, ObjectNode> expand(SweepConfig sweep, Map<String, ObjectNode> declared) {
    List<SweepConfig.Point> points = sweep.points();
    List<String> labels = labels(points);
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (Map.Entry<String, ObjectNode> v : declared.entrySet()) {
      for (int i = 0; i < points.size(); i++) {
        String name = v.getKey().isEmpty() ? labels.get(i) : v.getKey() + "_" + labels.get(i);
        if (name.length() > MAX_NAME || used.contains(name)) {
          String suffix = "_" + (i + 1);
          name = name.substring(0, Math.min(name.length(), MAX_NAME - suffix.length() - 1)) + suffix;
        }
        if (!used.add(name)) {
          throw new ConfigException("sweep: variant name " + name + " is taken by a declared variant; expected"
              + " declared variant names that do not look like a sweep's");
        }
        ObjectNode tree = v.getValue();
        for (Map.Entry<List<String>, JsonNode> e : points.get(i).values().entrySet()) {
          tree = ConfigTree.merge(tree, ConfigTree.single(e.getKey(), e.getValue()));
        }
        out.put(name, tree);
      }
    }
    return out;
  }

  /** Each point's part of the name. */
  static List<String> labels(List<SweepConfig.Point> points) {
    if (points.isEmpty()) {
      return List.of();
    }
    List<List<String>> paths = List.copyOf(points.get(0).values().keySet());
    List<String> keys = keys(paths);
    List<String> labels = new ArrayList<>();
    for (SweepConfig.Point p : points) {
      List<String> parts = new ArrayList<>();
      for (int k = 0; k < paths.size(); k++) {
        parts.add(keys.get(k) + "-" + value(p.values().get(paths.get(k))));
      }
      labels.add(safe(String.join("_", parts)));
    }
    return labels;
  }

  /** Each path's shortest distinct tail of keys, joined by {@code .}. */
  private static List<String> keys(List<List<String>> paths) {
    List<String> out = new ArrayList<>();
    for (List<String> p : paths) {
      int n = 1;
      while (n < p.size() && clashes(paths, p, n)) {
        n++;
      }
      out.add(String.join(".", p.subList(p.size() - n, p.size())));
    }
    return out;
  }

  private static boolean clashes(List<List<String>> paths, List<String> p, int n) {
    List<String> tail = p.subList(p.size() - n, p.size());
    return paths.stream().filter(q -> q != p && q.size() >= n)
        .anyMatch(q -> q.subList(q.size() - n, q.size()).equals(tail));
  }

  /** A value as a name shows it: numbers short ({@code 3e-4}, {@code 0.99}, {@code 64}), text as written. */
  static String value(JsonNode v) {
    if (v.isIntegralNumber()) {
      return v.asText();
    }
    if (v.isNumber()) {
      return number(v.doubleValue());
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    return v.toString();
  }

  /** {@code d} with at most three significant digits, in plain notation from 0.001 to 10^4, else as {@code 3.16e-4}. */
  static String number(double d) {
    if (!Double.isFinite(d)) {
      return Double.toString(d);
    }
    if (d == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(d).round(new MathContext(3)).stripTrailingZeros();
    double a = Math.abs(d);
    if (a >= 1e-3 && a < 1e4) {
      return rounded.toPlainString();
    }
    int exponent = rounded.precision() - rounded.scale() - 1;
    BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
    return mantissa.toPlainString() + "e" + exponent;
  }

  /** {@code text} with every character {@link ExperimentConfig#NAME} does not allow replaced by {@code .}. */
  static String safe(String text) {
    String s = text.replaceAll("[^A-Za-z0-9._-]", ".");
    return s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0)) ? "v" + s : s;
  }
}
