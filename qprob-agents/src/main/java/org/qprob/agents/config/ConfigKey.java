package org.qprob.agents.config;

import java.util.Arrays;
import java.util.List;

/** A closed choice of the config, written in YAML by its key ({@code epsilon-greedy}, {@code he-uniform}). */
public interface ConfigKey {
  /** The key the config writes. */
  String key();

  /** The keys of {@code type}'s constants, in declaration order. */
  static <E extends Enum<E> & ConfigKey> List<String> keys(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(ConfigKey::key).toList();
  }

  /** The constant of {@code type} whose key is {@code value}; one line naming {@code field} and the keys otherwise. */
  static <E extends Enum<E> & ConfigKey> E of(Class<E> type, String field, String value) {
    for (E e : type.getEnumConstants()) {
      if (e.key().equals(value)) {
        return e;
      }
    }
    throw new IllegalArgumentException(field + " = " + (value == null ? "null" : "\"" + value + "\"")
        + " is invalid; expected one of " + keys(type));
  }
}
