package org.qprob.experiments.runner;

import org.qprob.experiments.guice.Plugins;
import org.qprob.experiments.run.CodeVersion;

/**
 * What an engine needs besides the runs.
 *
 * @param plugins what the runs' injectors bind (an engine whose runs execute in other JVMs loads them there)
 * @param code the code version the provenance of every run records
 * @param finalEpisodes how many last episodes an outcome's final return averages
 * @param jobs the most runs at once in this JVM, at least 1 (the threads engine's pool)
 * @param master the cluster an engine that runs elsewhere submits to, or null for its default
 */
public record RunSettings(Plugins plugins, CodeVersion code, int finalEpisodes, int jobs, String master) {
  public RunSettings {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs = " + jobs + " is invalid; expected an integer >= 1");
    }
  }
}
