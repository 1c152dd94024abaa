package org.qprob.losses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Named;

/**
 * The reference values {@code distributional.json}: from the system property {@code qprob.reference.distributional}
 * if set, else {@code <qprob.shared>/reference/distributional.json}, with {@code qprob.shared} defaulting to
 * {@code ../../shared} (as {@link ReferenceFile} finds {@code gumbel-math.json}).
 */
final class DistributionalReferenceFile {
  private static JsonNode root;

  private DistributionalReferenceFile() {}

  static Path path() {
    String explicit = System.getProperty("qprob.reference.distributional");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String shared = System.getProperty("qprob.shared");
    Path base = shared != null && !shared.isBlank() ? Path.of(shared) : Path.of("../../shared");
    return base.resolve("reference").resolve("distributional.json");
  }

  static synchronized JsonNode root() {
    if (root == null) {
      try {
        root = new ObjectMapper().readTree(Files.readString(path()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the reference values at " + path().toAbsolutePath(), e);
      }
    }
    return root;
  }

  /** Every case of a section, named {@code section[i]} plus a label. */
  static List<Named<JsonNode>> cases(String section, Function<JsonNode, String> label) {
    JsonNode array = root().get(section);
    if (array == null || !array.isArray() || array.isEmpty()) {
      throw new IllegalStateException(path() + " has no cases in section " + section);
    }
    List<Named<JsonNode>> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      out.add(Named.of(section + "[" + i + "] " + label.apply(array.get(i)), array.get(i)));
    }
    return out;
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
