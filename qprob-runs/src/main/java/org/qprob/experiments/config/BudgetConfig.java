package org.qprob.experiments.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How long each run trains: a number of episodes or of environment steps (online agents), or of gradient steps
 * (offline agents, which learn from a dataset and take no training environment steps) — exactly one of them. Setting
 * one (in YAML or with {@code --set}) clears the others.
 *
 * @param episodes training episodes per run, at least 1; default 500
 * @param envSteps training environment steps per run, at least 1 (the episode under way when the budget runs out is
 *     cut there); default unset
 * @param gradientSteps gradient steps per run of an offline agent, at least 1; in such a run every step count of the
 *     config and the files ({@code evaluation.everyEnvSteps}, {@code checkpoint.everyEnvSteps}, {@code eval.csv}'s
 *     {@code env_steps}) counts gradient steps; default unset
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BudgetConfig(Integer episodes, Long envSteps, Long gradientSteps) {
  public BudgetConfig {
    int set = (episodes == null ? 0 : 1) + (envSteps == null ? 0 : 1) + (gradientSteps == null ? 0 : 1);
    if (set != 1) {
      throw new IllegalArgumentException("set exactly one of episodes, envSteps, gradientSteps; got episodes = "
          + episodes + ", envSteps = " + envSteps + ", gradientSteps = " + gradientSteps);
    }
    if (episodes != null && episodes < 1) {
      throw new IllegalArgumentException("episodes = " + episodes + " is invalid; expected an integer >= 1");
    }
    if (envSteps != null && envSteps < 1) {
      throw new IllegalArgumentException("envSteps = " + envSteps + " is invalid; expected an integer >= 1");
    }
    if (gradientSteps != null && gradientSteps < 1) {
      throw new IllegalArgumentException("gradientSteps = " + gradientSteps + " is invalid; expected an integer >= 1");
    }
  }

  /** 500 episodes. */
  public static BudgetConfig defaults() {
    return new BudgetConfig(500, null, null);
  }

  /** Whether the budget counts episodes. */
  public boolean inEpisodes() {
    return episodes != null;
  }

  /** Whether the budget counts gradient steps: the run is an offline one, whose clock is its gradient steps. */
  public boolean offline() {
    return gradientSteps != null;
  }

  /** What the run's steps count, for labels: {@code env steps}, or {@code gradient steps} for an offline run. */
  @JsonIgnore
  public String stepUnit() {
    return offline() ? "gradient steps" : "env steps";
  }

  @Override
  public String toString() {
    return inEpisodes() ? episodes + " episodes" : offline() ? gradientSteps + " gradient steps"
        : envSteps + " env steps";
  }
}
