package org.qprob.experiments.calibration;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a run's {@code calibration.csv}: the calibration of one predictive model on the episodes of one greedy
 * evaluation.
 *
 * @param envSteps training env steps when the evaluation ran
 * @param model {@link #GUMBEL} (the agent's own predicted distribution; another distributional head would be named by
 *     its distribution) or {@link #GAUSSIAN} ({@code N(Q(s, a), sigma^2)}, sigma fitted on recent training returns)
 * @param censored evaluation steps left out because their episode was truncated (their return is cut short)
 * @param fitSteps for {@link #GAUSSIAN}, the training steps sigma was fitted on; 0 for the agent's own distribution
 * @param metrics the metrics over the counted steps ({@code metrics.n()} of them)
 */
public record CalibrationRow(long envSteps, String model, int censored, int fitSteps, CalibrationMetrics metrics) {
  /** The model name of a Gumbel return distribution predicted by the agent. */
  public static final String GUMBEL = "gumbel";
  /** The model name of the normal distribution around the agent's point value with a fitted spread. */
  public static final String GAUSSIAN = "gaussian";

  /** The CSV columns, in order. */
  public static final List<String> COLUMNS;

  static {
    List<String> c = new ArrayList<>(List.of("env_steps", "model", "steps", "censored", "fit_steps", "nll", "cover50",
        "cover90", "bias", "sd"));
    for (int k = 1; k <= CalibrationMetrics.BINS; k++) {
      c.add("pit_" + k);
    }
    c.add("crps");
    COLUMNS = List.copyOf(c);
  }

  public CalibrationRow {
    if (model == null || !model.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("calibration model = " + model + " is invalid; expected a lower-case name");
    }
  }

  /** This row as CSV fields. */
  public List<String> fields() {
    List<String> f = new ArrayList<>(List.of(Long.toString(envSteps), model, Integer.toString(metrics.n()),
        Integer.toString(censored), Integer.toString(fitSteps), Double.toString(metrics.nll()),
        Double.toString(metrics.cover50()), Double.toString(metrics.cover90()), Double.toString(metrics.bias()),
        Double.toString(metrics.sd())));
    for (double p : metrics.pit()) {
      f.add(Double.toString(p));
    }
    f.add(Double.toString(metrics.crps()));
    return f;
  }

  /** Parses what {@link #fields()} wrote. */
  public static CalibrationRow parse(List<String> f) {
    double[] pit = new double[CalibrationMetrics.BINS];
    for (int k = 0; k < pit.length; k++) {
      pit[k] = Double.parseDouble(f.get(10 + k));
    }
    CalibrationMetrics m = new CalibrationMetrics(Integer.parseInt(f.get(2)), Double.parseDouble(f.get(5)),
        Double.parseDouble(f.get(6)), Double.parseDouble(f.get(7)), Double.parseDouble(f.get(8)),
        Double.parseDouble(f.get(9)), pit, Double.parseDouble(f.get(20)));
    return new CalibrationRow(Long.parseLong(f.get(0)), f.get(1), Integer.parseInt(f.get(3)),
        Integer.parseInt(f.get(4)), m);
  }
}
