package org.qprob.experiments.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where random search draws one config path's value from; exactly one of the three is set.
 *
 * @param uniform {@code [low, high]}, low &lt; high: uniform on that interval
 * @param logUniform {@code [low, high]}, 0 &lt; low &lt; high: its logarithm uniform on {@code [log low, log high]}
 *     (learning rates, temperatures)
 * @param choice the values, at least one, each equally likely (numbers, strings, mappings: any config value)
 */
public record SweepRange(List<Double> uniform, List<Double> logUniform, List<JsonNode> choice) {
  public SweepRange {
    int set = (uniform != null ? 1 : 0) + (logUniform != null ? 1 : 0) + (choice != null ? 1 : 0);
    if (set != 1) {
      throw new IllegalArgumentException("a range is invalid with " + set + " kinds; expected exactly one of"
          + " uniform: [low, high], logUniform: [low, high], choice: [values]");
    }
    if (uniform != null) {
      interval("uniform", uniform, false);
      uniform = List.copyOf(uniform);
    }
    if (logUniform != null) {
      interval("logUniform", logUniform, true);
      logUniform = List.copyOf(logUniform);
    }
    if (choice != null) {
      if (choice.isEmpty()) {
        throw new IllegalArgumentException("choice = [] is invalid; expected at least one value");
      }
      choice = List.copyOf(choice);
    }
  }

  /** One value drawn with {@code random}: one draw from it, whatever the kind. */
  public JsonNode draw(SplittableRandom random) {
    if (uniform != null) {
      return DoubleNode.valueOf(uniform.get(0) + (uniform.get(1) - uniform.get(0)) * random.nextDouble());
    }
    if (logUniform != null) {
      double low = Math.log(logUniform.get(0));
      double high = Math.log(logUniform.get(1));
      return DoubleNode.valueOf(Math.exp(low + (high - low) * random.nextDouble()));
    }
    return choice.get(random.nextInt(choice.size())).deepCopy();
  }

  private static void interval(String kind, List<Double> bounds, boolean positive) {
    if (bounds.size() != 2 || bounds.get(0) == null || bounds.get(1) == null
        || !Double.isFinite(bounds.get(0)) || !Double.isFinite(bounds.get(1)) || bounds.get(0) >= bounds.get(1)
        || (positive && bounds.get(0) <= 0)) {
      throw new IllegalArgumentException(kind + " = " + bounds + " is invalid; expected [low, high] with "
          + (positive ? "0 < low < high" : "low < high"));
    }
  }
}
