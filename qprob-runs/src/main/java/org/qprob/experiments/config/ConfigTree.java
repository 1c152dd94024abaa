package org.qprob.experiments.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merge rules that layer config trees (record defaults, then the YAML, then {@code --set}; an experiment's
 * {@code defaults}, then a variant's override):
 * <ul>
 *   <li>mappings merge key by key, recursively; anything else (scalars, lists, null) replaces what was there;</li>
 *   <li>a mapping that selects a plugin ({@code loss: {name, options}}, {@code env: {id, options}}) whose override
 *       names a different plugin drops the options it had, so one plugin's options never reach another;</li>
 *   <li>in {@code budget}, setting one of {@code episodes}, {@code envSteps}, {@code gradientSteps} clears the others.</li>
 * </ul>
 */
public final class ConfigTree {
  /** Keys whose value names the plugin an {@code options} sibling configures. */
  private static final List<String> SELECTORS = List.of("name", "id");
  /** Mappings of which only one key may be set: their path from the root, and their keys. */
  private static final Map<String, Set<String>> ONE_OF = Map.of("budget", Set.of("episodes", "envSteps",
      "gradientSteps"));

  private ConfigTree() {}

  /** {@code override} merged into a deep copy of {@code base}; neither argument changes. */
  public static ObjectNode merge(ObjectNode base, ObjectNode override) {
    ObjectNode out = base.deepCopy();
    mergeInto(out, override, "");
    return out;
  }

  private static void mergeInto(ObjectNode target, ObjectNode override, String path) {
    Set<String> oneOf = ONE_OF.get(path);
    if (oneOf != null) {
      for (Iterator<String> it = override.fieldNames(); it.hasNext(); ) {
        if (oneOf.contains(it.next())) {
          oneOf.forEach(target::remove);
          break;
        }
      }
    }
    if (target.has("options")) {
      for (String selector : SELECTORS) {
        JsonNode now = target.get(selector);
        JsonNode next = override.get(selector);
        if (now != null && next != null && !now.equals(next)) {
          target.remove("options");
        }
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = override.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = target.get(e.getKey());
      String childPath = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      if (existing instanceof ObjectNode existingObject && e.getValue() instanceof ObjectNode overrideObject) {
        mergeInto(existingObject, overrideObject, childPath);
      } else {
        target.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }

  /** The tree {@code {a: {b: {c: value}}}} for the path {@code a.b.c}. */
  public static ObjectNode single(List<String> path, JsonNode value) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ObjectNode at = root;
    for (int i = 0; i < path.size() - 1; i++) {
      at = at.putObject(path.get(i));
    }
    at.set(path.get(path.size() - 1), value);
    return root;
  }

  /** The node at a path of keys, or null. */
  public static JsonNode at(JsonNode root, List<String> path) {
    JsonNode at = root;
    for (String key : path) {
      if (at == null) {
        return null;
      }
      at = at.isArray() && key.matches("\\d+") ? at.get(Integer.parseInt(key)) : at.get(key);
    }
    return at;
  }

  /** Splits {@code a.b.c} into its keys. */
  public static List<String> splitPath(String dotted) {
    return new ArrayList<>(List.of(dotted.split("\\.", -1)));
  }
}
