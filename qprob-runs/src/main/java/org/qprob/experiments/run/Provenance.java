package org.qprob.experiments.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code provenance.json} of one run: what ran, with which seeds, on which code and platform, when, and how it
 * ended. Written when the run starts ({@code status: running}), again each time it is resumed from a checkpoint, and
 * when it ends ({@code finished}, {@code diverged} or {@code failed}); only a {@code finished} run's results count in a
 * report.
 *
 * @param experiment the experiment's name
 * @param variant the variant's name
 * @param seed the run seed
 * @param seeds the seeds derived from it
 * @param status {@code running}, {@code finished}, {@code diverged} or {@code failed}
 * @param startTime when the run first started, ISO-8601 UTC
 * @param endTime when it ended, or null while running
 * @param wallSeconds its wall-clock duration (summed over its attempts, up to their last checkpoints), or null while
 *     running
 * @param episodes training episodes finished, or null while running
 * @param envSteps training env steps taken, or null while running
 * @param gradientSteps gradient steps the agent took, or null while running (and in files written before it was
 *     recorded)
 * @param error the failure's or the divergence's one-line message, or null
 * @param divergedAtEnvStep the training env step (an offline run's gradient step) at which a NaN or infinite loss,
 *     gradient or parameter was seen, or null
 * @param resumes each time the run continued from a checkpoint: when, from where, on which code
 * @param code the code version the run started with
 * @param platform the platform
 */
@JsonPropertyOrder({"experiment", "variant", "seed", "seeds", "status", "startTime", "endTime", "wallSeconds",
    "episodes", "envSteps", "gradientSteps", "error", "divergedAtEnvStep", "resumes", "code", "platform"})
public record Provenance(String experiment, String variant, long seed, RunSeeds seeds, String status,
    String startTime, String endTime, Double wallSeconds, Long episodes, Long envSteps, Long gradientSteps, String error,
    Long divergedAtEnvStep, List<Resume> resumes, CodeVersion code, Platform platform) {

  /** The status of a run under way (or interrupted). */
  public static final String RUNNING = "running";
  /** The status of a run that ended normally. */
  public static final String FINISHED = "finished";
  /** The status of a run stopped by a NaN or infinite loss, gradient or parameter. */
  public static final String DIVERGED = "diverged";
  /** The status of a run that failed. */
  public static final String FAILED = "failed";

  public Provenance {
    resumes = resumes == null ? List.of() : List.copyOf(resumes);
  }

  /**
   * One continuation of a run from its checkpoint.
   *
   * @param time when it continued, ISO-8601 UTC
   * @param episodes the checkpoint's training episodes
   * @param envSteps the checkpoint's training env steps
   * @param code the code version that continued it
   */
  public record Resume(String time, long episodes, long envSteps, CodeVersion code) {
  }

  /** The record written when {@code spec} starts. */
  public static Provenance started(RunSpec spec, String startTime, CodeVersion code, Platform platform) {
    return new Provenance(spec.experiment(), spec.variant(), spec.seed(), spec.seeds(), RUNNING, startTime, null,
        null, null, null, null, null, null, List.of(), code, platform);
  }

  /** This record, running again from a checkpoint at {@code episodeCount} episodes and {@code stepCount} steps. */
  public Provenance resumed(String time, long episodeCount, long stepCount, CodeVersion by) {
    List<Resume> more = new ArrayList<>(resumes);
    more.add(new Resume(time, episodeCount, stepCount, by));
    return new Provenance(experiment, variant, seed, seeds, RUNNING, startTime, null, null, null, null, null, null,
        null, more, code, platform);
  }

  /** This record, finished. */
  public Provenance finished(String end, double seconds, long episodeCount, long stepCount, long gradientStepCount) {
    return new Provenance(experiment, variant, seed, seeds, FINISHED, startTime, end, seconds, episodeCount,
        stepCount, gradientStepCount, null, null, resumes, code, platform);
  }

  /** This record, diverged at env step {@code atStep} with {@code message}. */
  public Provenance diverged(String end, double seconds, long episodeCount, long stepCount, long gradientStepCount,
      long atStep, String message) {
    return new Provenance(experiment, variant, seed, seeds, DIVERGED, startTime, end, seconds, episodeCount,
        stepCount, gradientStepCount, message, atStep, resumes, code, platform);
  }

  /** This record, failed with {@code message}. */
  public Provenance failed(String end, double seconds, String message) {
    return new Provenance(experiment, variant, seed, seeds, FAILED, startTime, end, seconds, episodes, envSteps,
        gradientSteps, message, null, resumes, code, platform);
  }

  /** Whether the run ended normally. */
  @JsonIgnore
  public boolean isFinished() {
    return FINISHED.equals(status);
  }

  /** Whether the run ended for good: finished or diverged (a rerun would diverge again). */
  @JsonIgnore
  public boolean hasEnded() {
    return FINISHED.equals(status) || DIVERGED.equals(status);
  }
}
