package org.qprob.experiments.config;

/**
 * A config that cannot be run: its message is one line naming the field, the bad value and the valid choices. The
 * {@code qprob} command prints it alone and exits with code 2.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A config error; line breaks in {@code message} are folded into spaces so it stays one line. */
  public ConfigException(String message) {
    super(oneLine(message));
  }

  /** A config error with its cause kept for debugging. */
  public ConfigException(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  /** Folds line breaks and runs of white space into single spaces. */
  public static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
