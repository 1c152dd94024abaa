package org.qprob.experiments.run;

import org.qprob.agents.random.Seeds;

/**
 * The seeds of one run's independent random streams, each derived from the run seed alone by a fixed mixing
 * function, so any of them can be recomputed from the run seed.
 *
 * @param run the run seed, as listed in the config's {@code seeds}
 * @param agent the agent's generators (initial weights, exploration, replay sampling)
 * @param environment the training episodes' reset seeds ({@code env.reset(derive(environment, i))})
 * @param evaluation the evaluation episodes' reset seeds, apart from the training ones
 */
public record RunSeeds(long run, long agent, long environment, long evaluation) {
  /** The streams of run seed {@code seed}. */
  public static RunSeeds of(long seed) {
    return new RunSeeds(seed, Seeds.derive(seed, "agent"), Seeds.derive(seed, "env"), Seeds.derive(seed, "eval"));
  }
}
