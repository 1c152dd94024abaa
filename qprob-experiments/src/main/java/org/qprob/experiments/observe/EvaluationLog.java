package org.qprob.experiments.observe;

import org.qprob.api.run.EvaluationRecord;
import org.qprob.api.run.RunObserver;
import org.qprob.api.run.Signal;
import org.qprob.experiments.run.CsvLog;
import org.qprob.experiments.run.EvaluationRow;

/** Writes each greedy evaluation as a row of {@code eval.csv}. */
public final class EvaluationLog implements RunObserver {
  private final CsvLog log;

  public EvaluationLog(CsvLog log) {
    this.log = log;
  }

  @Override
  public Signal evaluated(EvaluationRecord evaluation) {
    double[] returns = evaluation.returns().stream().mapToDouble(Double::doubleValue).toArray();
    log.append(EvaluationRow.of(evaluation.envSteps(), evaluation.episodes(), returns, evaluation.wallSeconds())
        .fields());
    return Signal.CONTINUE;
  }

  @Override
  public void completed(boolean finished) {
    log.complete();
  }

  @Override
  public void close() {
    log.close();
  }
}
