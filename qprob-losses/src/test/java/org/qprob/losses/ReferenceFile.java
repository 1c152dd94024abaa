package org.qprob.losses;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Named;

/**
 * The reference values {@code gumbel-math.json}: from the system property {@code qprob.reference} if set, else
 * {@code <qprob.shared>/reference/gumbel-math.json}, with {@code qprob.shared} defaulting to {@code ../../shared}.
 */
final class ReferenceFile {
  private static final JsonReference FILE = new JsonReference("qprob.reference", "gumbel-math.json");

  private ReferenceFile() {}

  static JsonNode root() {
    return FILE.root();
  }

  /** Every case of a section, named {@code section[i]} plus a label. */
  static List<Named<JsonNode>> cases(String section, Function<JsonNode, String> label) {
    return FILE.cases(section, label);
  }

  static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  /** A required number. */
  static double number(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isNumber()) {
      throw new IllegalStateException("reference case lacks number " + field + ": " + node);
    }
    return v.asDouble();
  }
}
