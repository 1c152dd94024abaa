package org.qprob.agents.config;

import java.util.List;

/** The one-line checks the config records run in their compact constructors. */
final class ConfigChecks {
  private ConfigChecks() {
  }

  static String choice(String field, String value, List<String> choices) {
    if (value == null || !choices.contains(value)) {
      throw new IllegalArgumentException(field + " = " + show(value) + " is invalid; expected one of " + choices);
    }
    return value;
  }

  static double range(String field, double value, double min, double max, String valid) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(field + " = " + value + " is invalid; expected " + valid);
    }
    return value;
  }

  static long atLeast(String field, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(field + " = " + value + " is invalid; expected an integer >= " + min);
    }
    return value;
  }

  static String show(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }
}
