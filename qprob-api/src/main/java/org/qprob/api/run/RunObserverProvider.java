package org.qprob.api.run;

/**
 * Makes a {@link RunObserver} for each run: the plugin point for outputs and analyses, found with
 * {@link java.util.ServiceLoader} (list the class in {@code META-INF/services/org.qprob.api.run.RunObserverProvider}).
 */
public interface RunObserverProvider {
  /** The observer's name, unique among the registered ones. */
  String name();

  /** One line on what the observer writes, for {@code qprob list}. */
  default String description() {
    return "";
  }

  /** A new observer of the run {@code context} describes, called before training starts (or resumes). */
  RunObserver open(RunContext context);
}
