package org.qprob.agents.training;

import java.util.List;

/**
 * One greedy evaluation during training.
 *
 * @param envSteps training environment steps taken when it ran
 * @param episodes training episodes finished when it ran
 * @param returns the return of each evaluation episode, in order
 * @param meanReturn their mean
 * @param wallSeconds wall-clock seconds since the loop started
 */
public record EvaluationRecord(long envSteps, long episodes, List<Double> returns, double meanReturn,
    double wallSeconds) {
  public EvaluationRecord {
    returns = List.copyOf(returns);
  }
}
