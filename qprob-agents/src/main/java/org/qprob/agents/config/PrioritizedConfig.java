package org.qprob.agents.config;

/**
 * Proportional prioritized replay (Schaul et al. 2016), read when {@code replay.kind = prioritized}; the names are the
 * paper's. Transition i is drawn with probability {@code P(i) = p_i / sum_k p_k}, with priority
 * {@code p_i = (|delta_i| + epsilon)^alpha} from the loss's per-sample priority signal (|TD error| for point losses;
 * the sample's loss for distributional ones, as Rainbow does), a new transition at the largest priority seen so far.
 * Its loss is weighted by {@code w_i = (N * P(i))^-beta / max_k w_k} (N transitions stored, the max over them), beta
 * annealed linearly to 1.
 *
 * @param alpha how strongly priorities shape sampling, in [0, 1]: 0 is uniform; default 0.6 (the paper's proportional
 *     variant, Dopamine's Rainbow uses 0.5)
 * @param beta the importance-sampling exponent at the first environment step, in [0, 1]; default 0.4 (the paper)
 * @param betaSteps environment steps over which beta goes linearly from {@code beta} to 1, then stays there, >= 1;
 *     default 100,000
 * @param epsilon added to |delta| so no transition's priority is 0, > 0; default 1e-6
 */
public record PrioritizedConfig(double alpha, double beta, long betaSteps, double epsilon) {
  public PrioritizedConfig {
    ConfigChecks.range("prioritized.alpha", alpha, 0, 1, "a number in [0, 1]");
    ConfigChecks.range("prioritized.beta", beta, 0, 1, "a number in [0, 1]");
    ConfigChecks.atLeast("prioritized.betaSteps", betaSteps, 1);
    ConfigChecks.range("prioritized.epsilon", epsilon, Double.MIN_VALUE, Double.MAX_VALUE, "a finite number > 0");
  }

  /** alpha 0.6, beta 0.4 annealed to 1 over 100,000 environment steps, epsilon 1e-6. */
  public static PrioritizedConfig defaults() {
    return new PrioritizedConfig(0.6, 0.4, 100_000, 1e-6);
  }

  /** beta at environment step {@code envSteps}: {@code beta + (1 - beta) * min(1, envSteps / betaSteps)}. */
  public double betaAt(long envSteps) {
    return beta + (1 - beta) * Math.min(1.0, (double) envSteps / betaSteps);
  }
}
