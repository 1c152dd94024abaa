package org.qprob.experiments.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How long each run trains: a number of episodes or a number of environment steps, exactly one of them. Setting one
 * (in YAML or with {@code --set}) clears the other.
 *
 * @param episodes training episodes per run, at least 1; default 500
 * @param envSteps training environment steps per run, at least 1 (the episode under way when the budget runs out is
 *     cut there); default unset
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BudgetConfig(Integer episodes, Long envSteps) {
  public BudgetConfig {
    if ((episodes == null) == (envSteps == null)) {
      throw new IllegalArgumentException("set exactly one of episodes, envSteps; got episodes = " + episodes
          + ", envSteps = " + envSteps);
    }
    if (episodes != null && episodes < 1) {
      throw new IllegalArgumentException("episodes = " + episodes + " is invalid; expected an integer >= 1");
    }
    if (envSteps != null && envSteps < 1) {
      throw new IllegalArgumentException("envSteps = " + envSteps + " is invalid; expected an integer >= 1");
    }
  }

  /** 500 episodes. */
  public static BudgetConfig defaults() {
    return new BudgetConfig(500, null);
  }

  /** Whether the budget counts episodes (else environment steps). */
  public boolean inEpisodes() {
    return episodes != null;
  }

  @Override
  public String toString() {
    return inEpisodes() ? episodes + " episodes" : envSteps + " env steps";
  }
}
