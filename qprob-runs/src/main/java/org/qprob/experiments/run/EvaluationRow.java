package org.qprob.experiments.run;

import java.util.List;

/**
 * One greedy evaluation, one row of {@code eval.csv}: {@code episodes} episodes played greedily on an evaluation
 * environment seeded apart from the training one (the same start states every time), after {@code envSteps}
 * training steps.
 *
 * @param envSteps training environment steps taken when the evaluation ran
 * @param trainEpisodes training episodes finished when the evaluation ran
 * @param episodes number of evaluation episodes
 * @param meanReturn mean undiscounted return of the evaluation episodes
 * @param stdReturn their population standard deviation
 * @param minReturn the lowest of them
 * @param maxReturn the highest of them
 * @param wallSeconds wall-clock seconds since the run started, at the end of the evaluation
 */
public record EvaluationRow(long envSteps, long trainEpisodes, int episodes, double meanReturn, double stdReturn,
    double minReturn, double maxReturn, double wallSeconds) {

  /** The CSV columns, in order. */
  public static final List<String> COLUMNS = List.of("env_steps", "train_episodes", "episodes", "mean_return",
      "std_return", "min_return", "max_return", "wall_seconds");

  /** Summarises the returns of one evaluation. */
  public static EvaluationRow of(long envSteps, long trainEpisodes, double[] returns, double wallSeconds) {
    if (returns.length == 0) {
      throw new IllegalArgumentException("an evaluation needs at least one return");
    }
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double r : returns) {
      sum += r;
      min = Math.min(min, r);
      max = Math.max(max, r);
    }
    double mean = sum / returns.length;
    double squares = 0;
    for (double r : returns) {
      squares += (r - mean) * (r - mean);
    }
    return new EvaluationRow(envSteps, trainEpisodes, returns.length, mean, Math.sqrt(squares / returns.length), min,
        max, wallSeconds);
  }

  /** This row as CSV fields. */
  public List<String> fields() {
    return List.of(Long.toString(envSteps), Long.toString(trainEpisodes), Integer.toString(episodes),
        Double.toString(meanReturn), Double.toString(stdReturn), Double.toString(minReturn),
        Double.toString(maxReturn), Double.toString(wallSeconds));
  }

  /** Parses what {@link #fields()} wrote. */
  public static EvaluationRow parse(List<String> f) {
    return new EvaluationRow(Long.parseLong(f.get(0)), Long.parseLong(f.get(1)), Integer.parseInt(f.get(2)),
        Double.parseDouble(f.get(3)), Double.parseDouble(f.get(4)), Double.parseDouble(f.get(5)),
        Double.parseDouble(f.get(6)), Double.parseDouble(f.get(7)));
  }
}
