package org.qprob.agents.training;

import org.qprob.api.run.EvaluationRecord;
import org.qprob.api.run.Signal;

/** Called by {@link TrainingLoop} after each periodic greedy evaluation; may stop the loop. */
@FunctionalInterface
public interface EvaluationListener {
  /** Sees one evaluation; returns whether to go on. */
  Signal onEvaluation(EvaluationRecord evaluation);
}
