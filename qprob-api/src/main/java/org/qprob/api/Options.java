package org.qprob.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Named, typed options for a plugin (an environment's {@code map_name}, a loss's {@code beta}, ...), read from a
 * config map. Each getter states the option's default and its valid range; a value of the wrong type or out of
 * range fails with one line naming the option, the bad value and what is valid. After reading every option it
 * knows, a plugin calls {@link #requireAllUsed()} so that a misspelt key fails instead of being ignored.
 *
 * <p>Immutable in its values; it remembers which keys were read, so one instance serves one construction.
 */
public final class Options {
  private final String owner;
  private final Map<String, Object> values;
  private final Set<String> read = new LinkedHashSet<>();

  /**
   * @param owner what the options configure, used in messages, e.g. {@code "env FrozenLake-v1"}
   * @param values the raw values (numbers, booleans, strings, lists); null means none
   */
  public Options(String owner, Map<String, ?> values) {
    this.owner = owner;
    this.values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Options with no values: every getter returns its default. */
  public static Options none(String owner) {
    return new Options(owner, Map.of());
  }

  /** What these options configure, as given to the constructor. */
  public String owner() {
    return owner;
  }

  /** The raw values, unmodifiable, in the order given. */
  public Map<String, Object> asMap() {
    return values;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** A boolean option. */
  public boolean getBoolean(String key, boolean defaultValue) {
    Object v = take(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw bad(key, v, "true or false");
  }

  /** An integer option in {@code [min, max]}. */
  public int getInt(String key, int defaultValue, int min, int max) {
    Object v = take(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && n.doubleValue() >= min && n.doubleValue() <= max) {
      return n.intValue();
    }
    throw bad(key, v, "an integer in [" + min + ", " + max + "]");
  }

  /** A real option in {@code [min, max]} (use infinities for an open side); NaN is never valid. */
  public double getDouble(String key, double defaultValue, double min, double max) {
    Object v = take(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max) {
      return n.doubleValue();
    }
    throw bad(key, v, "a number in [" + min + ", " + max + "]");
  }

  /** A string option that must be one of {@code choices}. */
  public String getChoice(String key, String defaultValue, List<String> choices) {
    Object v = take(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof String s && choices.contains(s)) {
      return s;
    }
    throw bad(key, v, "one of " + choices);
  }

  /** A free string option. */
  public String getString(String key, String defaultValue) {
    Object v = take(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof String s) {
      return s;
    }
    throw bad(key, v, "a string");
  }

  /** A list of reals, each in {@code [min, max]}. */
  public double[] getDoubles(String key, double[] defaultValue, double min, double max) {
    Object v = take(key);
    if (v == null) {
      return defaultValue.clone();
    }
    if (v instanceof List<?> list) {
      double[] out = new double[list.size()];
      for (int i = 0; i < out.length; i++) {
        if (!(list.get(i) instanceof Number n) || !(n.doubleValue() >= min && n.doubleValue() <= max)) {
          throw bad(key, v, "a list of numbers in [" + min + ", " + max + "]");
        }
        out[i] = n.doubleValue();
      }
      return out;
    }
    throw bad(key, v, "a list of numbers in [" + min + ", " + max + "]");
  }

  /** Fails, naming the unknown keys and the known ones, if any key was given but never read. */
  public void requireAllUsed() {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(read);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(owner + ": unknown option" + (unknown.size() > 1 ? "s " : " ")
          + String.join(", ", unknown) + "; known options: " + (read.isEmpty() ? "none" : new TreeSet<>(read)));
    }
  }

  private Object take(String key) {
    read.add(key);
    return values.get(key);
  }

  private IllegalArgumentException bad(String key, Object value, String valid) {
    String shown = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    return new IllegalArgumentException(owner + ": option " + key + " = " + shown + " is invalid; expected " + valid);
  }

  @Override
  public String toString() {
    return owner + " " + values;
  }
}
