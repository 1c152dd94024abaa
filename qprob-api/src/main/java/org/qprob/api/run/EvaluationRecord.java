package org.qprob.api.run;

import java.util.ArrayList;
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

  /** The record of the evaluation episodes' {@code returns}, with their mean. */
  public static EvaluationRecord of(long envSteps, long episodes, double[] returns, double wallSeconds) {
    List<Double> list = new ArrayList<>(returns.length);
    double sum = 0;
    for (double v : returns) {
      list.add(v);
      sum += v;
    }
    return new EvaluationRecord(envSteps, episodes, list, sum / returns.length, wallSeconds);
  }
}
