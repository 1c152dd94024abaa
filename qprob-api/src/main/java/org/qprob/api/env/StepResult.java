package org.qprob.api.env;

/**
 * What one {@link Environment#step} returns, with Gymnasium's meaning: {@code terminated} when the MDP reached a
 * terminal state (no bootstrapping past it), {@code truncated} when the episode was cut short from outside, e.g. by a
 * time limit (the next state still has a value). Both may be true at once.
 *
 * @param observation the next observation (owned by the caller; the environment never writes it again)
 */
public record StepResult(float[] observation, double reward, boolean terminated, boolean truncated) {
  /** Whether the episode is over, for either reason. */
  public boolean done() {
    return terminated || truncated;
  }
}
