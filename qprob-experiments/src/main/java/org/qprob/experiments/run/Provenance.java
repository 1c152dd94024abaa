package org.qprob.experiments.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code provenance.json} of one run: what ran, with which seeds, on which code and platform, when, and how it
 * ended. Written when the run starts ({@code status: running}) and rewritten when it ends ({@code finished} or
 * {@code failed}); only a {@code finished} run's results count in a report.
 *
 * @param experiment the experiment's name
 * @param variant the variant's name
 * @param seed the run seed
 * @param seeds the seeds derived from it
 * @param status {@code running}, {@code finished} or {@code failed}
 * @param startTime when the run started, ISO-8601 UTC
 * @param endTime when it ended, or null while running
 * @param wallSeconds its wall-clock duration, or null while running
 * @param episodes training episodes finished, or null while running
 * @param envSteps training env steps taken, or null while running
 * @param error the failure's one-line message, or null
 * @param code the code version
 * @param platform the platform
 */
@JsonPropertyOrder({"experiment", "variant", "seed", "seeds", "status", "startTime", "endTime", "wallSeconds",
    "episodes", "envSteps", "error", "code", "platform"})
public record Provenance(String experiment, String variant, long seed, RunSeeds seeds, String status,
    String startTime, String endTime, Double wallSeconds, Long episodes, Long envSteps, String error,
    CodeVersion code, Platform platform) {

  /** The status of a run under way. */
  public static final String RUNNING = "running";
  /** The status of a run that ended normally. */
  public static final String FINISHED = "finished";
  /** The status of a run that failed. */
  public static final String FAILED = "failed";

  /** The record written when {@code spec} starts. */
  public static Provenance started(RunSpec spec, String startTime, CodeVersion code, Platform platform) {
    return new Provenance(spec.experiment(), spec.variant(), spec.seed(), spec.seeds(), RUNNING, startTime, null,
        null, null, null, null, code, platform);
  }

  /** This record, finished. */
  public Provenance finished(String end, double seconds, long episodeCount, long stepCount) {
    return new Provenance(experiment, variant, seed, seeds, FINISHED, startTime, end, seconds, episodeCount,
        stepCount, null, code, platform);
  }

  /** This record, failed with {@code message}. */
  public Provenance failed(String end, double seconds, String message) {
    return new Provenance(experiment, variant, seed, seeds, FAILED, startTime, end, seconds, episodes, envSteps,
        message, code, platform);
  }

  /** Whether the run ended normally. */
  @JsonIgnore
  public boolean isFinished() {
    return FINISHED.equals(status);
  }
}
