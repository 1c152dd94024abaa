package org.qprob.api.env;

/**
 * A reinforcement-learning environment with Gymnasium's semantics. Dynamics run in double precision; observations are
 * {@code float[]} rounded as Gymnasium rounds them to float32 ({@code [s]} for a discrete observation).
 *
 * <p>Randomness: {@link #reset(long)} reseeds the environment's own generator, as Gymnasium's {@code reset(seed=...)}
 * does; {@link #reset()} continues with the generator it has. Nothing else draws random numbers.
 */
public interface Environment {
  /** The observation space. */
  Space observationSpace();

  /** The action space: actions are the integers {@code 0..n-1}. */
  Discrete actionSpace();

  /** Reseeds the environment's generator with {@code seed} and starts an episode; returns the first observation. */
  float[] reset(long seed);

  /** Starts an episode with the generator as it stands (seeded once from a fixed seed if never seeded). */
  float[] reset();

  /** Applies {@code action}; fails on an action outside the action space or a step after the episode ended. */
  StepResult step(int action);

  /**
   * Starts an episode in the given internal state instead of a random one (the {@code initial_state} of a recorded
   * trace: the physical state vector for classic control, {@code [s]} for toy text); returns its observation.
   */
  float[] resetTo(double[] state);

  /** The internal state, in the form {@link #resetTo} accepts. */
  double[] state();
}
