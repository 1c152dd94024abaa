package org.qprob.envs.verify;

import java.nio.file.Path;
import java.util.List;

/**
 * What replaying one trace file found. An observation mismatches when any element differs from the recorded float32
 * (compared bit for bit after rounding the recorded value to float32); a reward when it differs from the recorded
 * value; a flag when it differs from the recorded flag.
 *
 * @param file the trace file
 * @param envIds the environment ids found in it, in order of first appearance
 * @param episodes the number of episodes replayed
 * @param mismatchedEpisodes the number of episodes with at least one mismatch
 * @param steps the number of recorded steps replayed
 * @param maxObservationDifference the largest absolute difference between an observation element and its record
 * @param observationMismatches observations (initial ones included) not equal to the record as float32
 * @param rewardMismatches rewards not equal to the record
 * @param terminatedMismatches {@code terminated} flags not equal to the record
 * @param truncatedMismatches {@code truncated} flags not equal to the record
 * @param firstMismatch where the first mismatch was and what it was, or empty if none
 */
public record TraceReport(Path file, List<String> envIds, int episodes, int mismatchedEpisodes, long steps,
    double maxObservationDifference, long observationMismatches, long rewardMismatches, long terminatedMismatches,
    long truncatedMismatches, String firstMismatch) {
  public TraceReport {
    envIds = List.copyOf(envIds);
  }

  /** Whether every observation, reward and flag matched the record exactly. */
  public boolean passed() {
    return observationMismatches == 0 && rewardMismatches == 0 && terminatedMismatches == 0 && truncatedMismatches == 0;
  }

  /** One line for printing. */
  public String summary() {
    return (passed() ? "PASS " : "FAIL ") + file.getFileName() + " " + String.join(",", envIds) + ": " + episodes
        + " episodes (" + mismatchedEpisodes + " mismatched), " + steps + " steps, max |obs diff| "
        + maxObservationDifference + ", mismatches: obs " + observationMismatches + ", reward " + rewardMismatches
        + ", terminated " + terminatedMismatches + ", truncated " + truncatedMismatches
        + (firstMismatch.isEmpty() ? "" : "; first: " + firstMismatch);
  }

  @Override
  public String toString() {
    return summary();
  }
}
