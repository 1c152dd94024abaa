package org.qprob.experiments.run;

/**
 * How one run ended.
 *
 * @param spec the run
 * @param finished whether it finished normally (else it failed or was skipped as already finished)
 * @param skipped whether it was not run because its folder already held the same finished run
 * @param episodes training episodes it finished
 * @param envSteps training env steps it took
 * @param finalReturn the mean return of its last training episodes (as the report counts them); NaN if none
 * @param wallSeconds its wall-clock duration
 * @param error the failure's one-line message, or null
 */
public record RunOutcome(RunSpec spec, boolean finished, boolean skipped, long episodes, long envSteps,
    double finalReturn, double wallSeconds, String error) {

  /** A run that was already finished in its folder. */
  public static RunOutcome skipped(RunSpec spec) {
    return new RunOutcome(spec, true, true, 0, 0, Double.NaN, 0, null);
  }
}
