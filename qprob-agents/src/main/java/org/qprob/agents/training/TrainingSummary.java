package org.qprob.agents.training;

/**
 * How a {@link TrainingLoop#run} ended.
 *
 * @param episodes training episodes finished
 * @param envSteps environment steps taken
 * @param gradientSteps gradient steps the agent reported taking (from the start of the run, across resumes)
 * @param stoppedByListener whether a listener asked to stop (false: the budget ran out)
 * @param wallSeconds wall-clock seconds the run took
 */
public record TrainingSummary(long episodes, long envSteps, long gradientSteps, boolean stoppedByListener, double wallSeconds) {
}
