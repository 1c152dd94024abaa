package org.qprob.api.agent;

/**
 * One environment step as an agent learns from it. {@code terminated} means s' is terminal (no bootstrap);
 * {@code truncated} means the episode was cut (s' still has a value). The arrays are not copied: the caller hands
 * them over and does not write them again.
 */
public record Transition(float[] observation, int action, double reward, float[] nextObservation,
    boolean terminated, boolean truncated) {
  /** Whether this step ended the episode, for either reason. */
  public boolean episodeEnd() {
    return terminated || truncated;
  }
}
