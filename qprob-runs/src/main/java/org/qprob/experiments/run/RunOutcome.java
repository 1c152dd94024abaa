package org.qprob.experiments.run;

/**
 * How one run ended.
 *
 * @param spec the run
 * @param status {@link Provenance#FINISHED}, {@link Provenance#DIVERGED} or {@link Provenance#FAILED}
 * @param skipped whether it was not run because its folder already held it, ended ({@code status} says how)
 * @param episodes training episodes it finished
 * @param envSteps training env steps it took
 * @param gradientSteps gradient steps its agent took (0 when skipped or failed)
 * @param finalReturn the mean return of its last training episodes (as the report counts them); NaN if none
 * @param wallSeconds its wall-clock duration
 * @param error the failure's or divergence's one-line message, or null
 * @param resumedAtEnvStep the env steps of the checkpoint it continued from, or null if it started afresh
 */
public record RunOutcome(RunSpec spec, String status, boolean skipped, long episodes, long envSteps,
    long gradientSteps, double finalReturn, double wallSeconds, String error, Long resumedAtEnvStep) {

  /** A run that had already ended in its folder, with {@code status} and {@code error} from its provenance. */
  public static RunOutcome skipped(RunSpec spec, String status, String error) {
    return new RunOutcome(spec, status, true, 0, 0, 0, Double.NaN, 0, error, null);
  }

  /**
   * Whether this run, run now, took far fewer gradient steps than its replay config implies for the env steps it
   * took: none at all, or under half ({@link org.qprob.agents.config.ReplayConfig#impliedGradientSteps}).
   */
  public boolean fewGradientSteps() {
    if (skipped || failed()) {
      return false;
    }
    long implied = spec.config().agent().replay().impliedGradientSteps(envSteps);
    return gradientSteps == 0 || 2 * gradientSteps < implied;
  }

  /** Whether the run finished normally (now or before). */
  public boolean finished() {
    return Provenance.FINISHED.equals(status);
  }

  /** Whether the run was stopped by a NaN or infinite loss, gradient or parameter (now or before). */
  public boolean diverged() {
    return Provenance.DIVERGED.equals(status);
  }

  /** Whether the run failed (an exception). */
  public boolean failed() {
    return Provenance.FAILED.equals(status);
  }
}
