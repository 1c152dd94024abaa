/**
 * The loop that trains one agent on one environment: seeded resets, one update per step, episode, evaluation, update
 * and checkpoint callbacks, and resuming from a position saved at an episode boundary.
 */
package org.qprob.agents.training;
