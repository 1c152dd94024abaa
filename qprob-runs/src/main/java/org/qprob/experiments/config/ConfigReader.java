package org.qprob.experiments.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads experiment configs from YAML into {@link ExperimentConfig} records. A file holds one experiment, or several
 * separated by {@code ---}. Each is layered: every record's defaults, then the file, then the {@code --set}
 * overrides; each variant is the experiment's {@code defaults} with the variant's override merged in (see
 * {@link ConfigTree} for the merge rules). Anything wrong — a missing file, malformed YAML, an unknown key, a value
 * of the wrong type or out of range — fails with a {@link ConfigException} whose one line names the field, the bad
 * value and what is valid.
 *
 * <p>Plugin names (environment, loss, agent) and plugin options are checked against the registries afterwards, by
 * {@code org.qprob.experiments.runner.ExperimentValidator}.
 */
public final class ConfigReader {
  private final ObjectMapper yaml = ConfigMapper.strictYaml();

  /** Reads every experiment of {@code file} with {@code overrides} ({@code key.path=value}) applied to each. */
  public List<ExperimentConfig> read(Path file, List<String> overrides) {
    if (Files.isDirectory(file)) {
      throw new ConfigException(file + ": is a folder; expected a YAML config file");
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such config file");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read the config file: " + e, e);
    }
    return readText(text, baseName(file), file.toString(), overrides);
  }

  /**
   * Reads every experiment of a YAML text.
   *
   * @param defaultName the name an experiment without one gets
   * @param where how messages name the text, e.g. its file
   */
  public List<ExperimentConfig> readText(String text, String defaultName, String where, List<String> overrides) {
    List<ObjectNode> documents = parseDocuments(text, where);
    List<Assignment> parsed = new ArrayList<>();
    for (String o : overrides) {
      parsed.add(parseAssignment(o));
    }
    List<ExperimentConfig> out = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (int i = 0; i < documents.size(); i++) {
      String at = documents.size() == 1 ? where : where + " (document " + (i + 1) + ")";
      ObjectNode doc = documents.get(i);
      for (Assignment o : parsed) {
        doc = o.applyTo(doc);
      }
      ExperimentConfig config = resolve(doc, defaultName, at);
      Integer earlier = names.putIfAbsent(config.name(), i + 1);
      if (earlier != null) {
        throw new ConfigException(at + ": name = \"" + config.name() + "\" is invalid; document " + earlier
            + " has that name too; expected a distinct name per document");
      }
      out.add(config);
    }
    return out;
  }

  /** The YAML documents of {@code text}, each a mapping. */
  List<ObjectNode> parseDocuments(String text, String where) {
    List<ObjectNode> documents = new ArrayList<>();
    try (JsonParser parser = yaml.createParser(text)) {
      int index = 0;
      while (parser.nextToken() != null) {
        index++;
        JsonNode doc = yaml.readTree(parser);
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
          continue;
        }
        if (!(doc instanceof ObjectNode object)) {
          throw new ConfigException(where + ": document " + index + " is " + show(doc)
              + "; expected a mapping of experiment keys (name, env, seeds, budget, ...)");
        }
        documents.add(object);
      }
    } catch (JsonProcessingException e) {
      throw new ConfigException(where + ": malformed YAML" + location(e) + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException(where + ": cannot read: " + e.getMessage(), e);
    }
    if (documents.isEmpty()) {
      throw new ConfigException(where + ": the config is empty; expected at least the key 'name' or 'variants'");
    }
    return documents;
  }

  /** Resolves one experiment's tree into a record: defaults, then {@code user}, variants on top of defaults. */
  public ExperimentConfig resolve(ObjectNode user, String defaultName, String where) {
    ObjectNode doc = user.deepCopy();
    JsonNode variantsNode = doc.remove("variants");
    String name = doc.hasNonNull("name") && doc.get("name").isTextual() ? doc.get("name").textValue() : defaultName;
    ObjectNode base = yaml.valueToTree(ExperimentConfig.defaults(ExperimentConfig.NAME.matcher(name).matches()
        ? name : "experiment"));
    base.remove("variants");
    base.put("name", name);
    JsonNode sweepNode = doc.remove("sweep");
    ObjectNode merged = ConfigTree.merge(base, doc);
    if (sweepNode != null && !sweepNode.isNull()) {
      expandSweep(merged, sweepNode, variantsNode, where);
    } else if (variantsNode != null && !variantsNode.isNull()) {
      JsonNode defaultsNode = merged.get("defaults");
      if (!(defaultsNode instanceof ObjectNode defaults)) {
        throw new ConfigException(where + ": defaults = " + show(defaultsNode)
            + " is invalid; expected a mapping with the keys agent, loss");
      }
      ObjectNode resolved = JsonNodeFactory.instance.objectNode();
      variantTrees(variantsNode, defaults, where).forEach(resolved::set);
      merged.set("variants", resolved);
    }
    return convert(merged, where);
  }

  /**
   * Replaces {@code merged}'s variants by the sweep's: each declared variant (or, with none, the defaults) crossed
   * with each point of the sweep. Each expanded variant is converted on its own first, so that a bad path or value
   * fails naming the sweep's path; a sweep without {@code report.rankBy} ranks by the final return.
   */
  private void expandSweep(ObjectNode merged, JsonNode sweepNode, JsonNode variantsNode, String where) {
    SweepConfig sweep;
    ObjectNode section = JsonNodeFactory.instance.objectNode().set("sweep", sweepNode);
    try {
      sweep = yaml.treeToValue(section, SweepSection.class).sweep();
    } catch (JsonMappingException e) {
      throw new ConfigException(where + ": " + describe(e, section), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(where + ": sweep: " + e.getOriginalMessage(), e);
    }
    JsonNode defaultsNode = merged.get("defaults");
    if (!(defaultsNode instanceof ObjectNode defaults)) {
      throw new ConfigException(where + ": defaults = " + show(defaultsNode)
          + " is invalid; expected a mapping with the keys agent, loss");
    }
    Map<String, ObjectNode> declared = new LinkedHashMap<>();
    if (variantsNode == null || variantsNode.isNull()) {
      declared.put("", defaults);
    } else {
      declared.putAll(variantTrees(variantsNode, defaults, where));
    }
    Map<String, ObjectNode> expanded = SweepVariants.expand(sweep, declared);
    ObjectNode variants = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, ObjectNode> e : expanded.entrySet()) {
      try {
        yaml.treeToValue(e.getValue(), VariantConfig.class);
      } catch (JsonMappingException x) {
        throw new ConfigException(where + ": sweep variant " + e.getKey() + ": " + describe(x, e.getValue())
            + sweepPaths(sweep), x);
      } catch (JsonProcessingException x) {
        throw new ConfigException(where + ": sweep variant " + e.getKey() + ": " + x.getOriginalMessage(), x);
      }
      variants.set(e.getKey(), e.getValue());
    }
    merged.set("variants", variants);
    JsonNode report = merged.get("report");
    if (report instanceof ObjectNode r && (!r.hasNonNull("rankBy"))) {
      r.put("rankBy", RankMetric.FINAL_RETURN.key());
    }
  }

  /** The {@code sweep} key alone, so that messages name the sweep's keys from the root. */
  private record SweepSection(SweepConfig sweep) {}

  private static String sweepPaths(SweepConfig sweep) {
    List<String> paths = new ArrayList<>(sweep.grid().keySet());
    paths.addAll(sweep.space().keySet());
    return " (the sweep sets " + paths + ")";
  }

  /** The declared variants, each its override merged into {@code defaults}. */
  private static Map<String, ObjectNode> variantTrees(JsonNode variantsNode, ObjectNode defaults, String where) {
    if (!(variantsNode instanceof ObjectNode variants)) {
      throw new ConfigException(where + ": variants = " + show(variantsNode)
          + " is invalid; expected a mapping of variant name to its overrides");
    }
    Map<String, ObjectNode> resolved = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = variants.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode override = e.getValue();
      if (override == null || override.isNull()) {
        resolved.put(e.getKey(), defaults.deepCopy());
      } else if (override instanceof ObjectNode o) {
        resolved.put(e.getKey(), ConfigTree.merge(defaults, o));
      } else {
        throw new ConfigException(where + ": variants." + e.getKey() + " = " + show(override)
            + " is invalid; expected a mapping with the keys agent, loss");
      }
    }
    return resolved;
  }

  /** Converts a complete tree to the record, turning Jackson's and the records' exceptions into one line. */
  private ExperimentConfig convert(ObjectNode tree, String where) {
    try {
      return yaml.treeToValue(tree, ExperimentConfig.class);
    } catch (JsonMappingException e) {
      throw new ConfigException(where + ": " + describe(e, tree), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(where + ": " + e.getOriginalMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where + ": " + e.getMessage(), e);
    }
  }

  /** One line for a Jackson mapping failure: the field path, the bad value, what is valid. */
  static String describe(JsonMappingException e, JsonNode tree) {
    List<String> path = new ArrayList<>();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        path.add(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.add(Integer.toString(r.getIndex()));
      }
    }
    String dotted = String.join(".", path);
    if (e instanceof UnrecognizedPropertyException u) {
      List<String> parent = path.subList(0, Math.max(0, path.size() - 1));
      return "unknown key " + dotted + "; known keys" + (parent.isEmpty() ? "" : " of " + String.join(".", parent))
          + ": " + sorted(u.getKnownPropertyIds());
    }
    if (e instanceof ValueInstantiationException || e.getCause() instanceof IllegalArgumentException) {
      Throwable cause = e.getCause();
      while (cause != null && !(cause instanceof IllegalArgumentException) && cause.getCause() != null) {
        cause = cause.getCause();
      }
      String message = cause == null ? e.getOriginalMessage() : cause.getMessage();
      return qualify(path, message);
    }
    JsonNode value = ConfigTree.at(tree, path);
    if (e instanceof InvalidFormatException f) {
      return dotted + " = " + show(value != null ? value : f.getValue()) + " is invalid; expected "
          + expected(f.getTargetType());
    }
    if (e instanceof MismatchedInputException m) {
      return dotted + " = " + show(value) + " is invalid; expected " + expected(m.getTargetType());
    }
    if (e.getCause() instanceof InputCoercionException c) {
      return dotted + " = " + show(value) + " is invalid; expected " + expected(c.getTargetType());
    }
    return dotted + ": " + e.getOriginalMessage();
  }

  /**
   * Puts a record's own message ({@code "gamma = 2 is invalid; ..."} or {@code "agent.gamma = ..."}) under the path
   * it was found at, without repeating the part of the path the message already names.
   */
  public static String qualify(List<String> path, String message) {
    if (message == null) {
      return String.join(".", path) + ": invalid value";
    }
    int eq = message.indexOf(" = ");
    String field = eq > 0 ? message.substring(0, eq) : "";
    if (field.isEmpty() || field.contains(" ") || path.isEmpty()) {
      return path.isEmpty() ? message : String.join(".", path) + ": " + message;
    }
    String first = field.split("\\.")[0];
    List<String> prefix = path.get(path.size() - 1).equals(first) ? path.subList(0, path.size() - 1) : path;
    return (prefix.isEmpty() ? "" : String.join(".", prefix) + ".") + message;
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "another value";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type.isEnum()) {
      return "one of " + List.of(type.getEnumConstants());
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type == SeedList.class) {
      return "a count or a list of seeds";
    }
    if (type.isRecord()) {
      return "a mapping with the keys " + java.util.Arrays.stream(type.getRecordComponents())
          .map(java.lang.reflect.RecordComponent::getName).collect(Collectors.joining(", "));
    }
    if (Map.class.isAssignableFrom(type)) {
      return "a mapping";
    }
    return "a " + type.getSimpleName();
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  private static List<String> sorted(Collection<Object> ids) {
    TreeSet<String> s = new TreeSet<>();
    ids.forEach(o -> s.add(String.valueOf(o)));
    return new ArrayList<>(s);
  }

  static String show(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "(missing)";
    }
    return node.isTextual() ? "\"" + node.textValue() + "\"" : node.toString();
  }

  private static String show(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
  }

  private static String baseName(Path file) {
    String n = file.getFileName().toString();
    return n.replaceFirst("\\.(yaml|yml)$", "");
  }

  /** One {@code --set key.path=value}: the value is read as a YAML scalar, list or mapping. */
  Assignment parseAssignment(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException("--set " + text + " is invalid; expected key.path=value, e.g. --set budget.episodes=10");
    }
    String key = text.substring(0, eq).strip();
    List<String> path = ConfigTree.splitPath(key);
    if (path.stream().anyMatch(String::isEmpty)) {
      throw new ConfigException("--set " + text + " is invalid; expected key.path=value with non-empty keys");
    }
    String raw = text.substring(eq + 1);
    JsonNode value;
    try {
      value = raw.isBlank() ? NullNode.instance : yaml.readTree(raw);
    } catch (JsonProcessingException e) {
      throw new ConfigException("--set " + text + ": malformed value: " + e.getOriginalMessage(), e);
    }
    if (value == null || value.isMissingNode()) {
      value = NullNode.instance;
    }
    return new Assignment(text, path, value);
  }

  /** A parsed {@code --set}. */
  record Assignment(String text, List<String> path, JsonNode value) {
    ObjectNode applyTo(ObjectNode doc) {
      if (path.size() >= 2 && path.get(0).equals("variants")) {
        JsonNode variants = doc.get("variants");
        if (variants == null || !variants.has(path.get(1))) {
          List<String> known = new ArrayList<>();
          if (variants != null) {
            variants.fieldNames().forEachRemaining(known::add);
          }
          throw new ConfigException("--set " + text + ": no variant '" + path.get(1) + "'; variants: " + known);
        }
      }
      return ConfigTree.merge(doc, ConfigTree.single(path, value));
    }
  }
}
