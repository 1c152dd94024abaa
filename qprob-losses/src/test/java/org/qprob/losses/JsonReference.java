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
 * One file of reference values, read once: from the system property {@code property} if set, else
 * {@code <qprob.shared>/reference/<fileName>}, with {@code qprob.shared} defaulting to {@code ../../shared}.
 */
final class JsonReference {
  private final String property;
  private final String fileName;
  private JsonNode root;

  JsonReference(String property, String fileName) {
    this.property = property;
    this.fileName = fileName;
  }

  Path path() {
    String explicit = System.getProperty(property);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String shared = System.getProperty("qprob.shared");
    Path base = shared != null && !shared.isBlank() ? Path.of(shared) : Path.of("../../shared");
    return base.resolve("reference").resolve(fileName);
  }

  synchronized JsonNode root() {
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
  List<Named<JsonNode>> cases(String section, Function<JsonNode, String> label) {
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
}
