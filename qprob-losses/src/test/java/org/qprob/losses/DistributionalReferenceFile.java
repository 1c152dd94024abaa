package org.qprob.losses;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Named;

/**
 * The reference values {@code distributional.json}: from the system property {@code qprob.reference.distributional}
 * if set, else {@code <qprob.shared>/reference/distributional.json}, with {@code qprob.shared} defaulting to
 * {@code ../../shared} (as {@link ReferenceFile} finds {@code gumbel-math.json}).
 */
final class DistributionalReferenceFile {
  private static final JsonReference FILE = new JsonReference("qprob.reference.distributional", "distributional.json");

  private DistributionalReferenceFile() {}

  /** Every case of a section, named {@code section[i]} plus a label. */
  static List<Named<JsonNode>> cases(String section, Function<JsonNode, String> label) {
    return FILE.cases(section, label);
  }

  /** A required array of numbers. */
  static double[] numbers(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isArray()) {
      throw new IllegalStateException("reference case lacks array " + field + ": " + node);
    }
    return ReferenceFile.doubles(v);
  }

  /** A required integer. */
  static int integer(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.canConvertToInt()) {
      throw new IllegalStateException("reference case lacks integer " + field + ": " + node);
    }
    return v.asInt();
  }

  /** A required boolean. */
  static boolean flag(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isBoolean()) {
      throw new IllegalStateException("reference case lacks boolean " + field + ": " + node);
    }
    return v.asBoolean();
  }

  /** A required string. */
  static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalStateException("reference case lacks string " + field + ": " + node);
    }
    return v.asText();
  }
}
