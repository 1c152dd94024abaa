package org.qprob.api.run;

/**
 * One finished training episode.
 *
 * @param episode index, from 0
 * @param envSteps environment steps taken so far, this episode's included
 * @param episodeReturn the undiscounted sum of rewards
 * @param length steps in this episode
 * @param terminated whether it ended in a terminal state (false: truncated by the time limit)
 * @param explorationParameter ε or the Boltzmann temperature in effect at the episode's first step
 * @param meanLoss mean of the losses of this episode's gradient steps; NaN if none
 * @param meanBeta mean of those steps' batch-mean Gumbel scales; NaN if none or not a Gumbel agent
 * @param updates gradient steps taken during this episode
 * @param wallSeconds wall-clock seconds since the loop started
 */
public record EpisodeRecord(long episode, long envSteps, double episodeReturn, int length, boolean terminated,
    double explorationParameter, double meanLoss, double meanBeta, int updates, double wallSeconds) {
}
