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
 * The reference values {@code gumbel-math.json}: from the system property {@code qprob.reference} if set, else
 * {@code <qprob.shared>/reference/gumbel-math.json}, with {@code qprob.shared} defaulting to {@code ../../shared}.
 */
final class ReferenceFile {
  private static JsonNode root;

  private ReferenceFile() {}

  static Path path() {
    String explicit = System.getProperty("qprob.reference");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String shared = System.getProperty("qprob.shared");
    Path base = shared != null && !shared.isBlank() ? Path.of(shared) : Path.of("../../shared");
    return base.resolve("reference").resolve("gumbel-math.json");
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
