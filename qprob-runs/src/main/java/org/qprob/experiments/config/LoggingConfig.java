package org.qprob.experiments.config;

/**
 * Which logs a run writes besides its CSV files.
 *
 * @param tensorboard whether the run writes a TensorBoard event file in {@code <run folder>/tensorboard}; default
 *     true
 */
public record LoggingConfig(boolean tensorboard) {
  /** TensorBoard on. */
  public static LoggingConfig defaults() {
    return new LoggingConfig(true);
  }
}
