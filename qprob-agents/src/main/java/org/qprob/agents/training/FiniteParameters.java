package org.qprob.agents.training;

/**
 * An agent that can say whether all its learned parameters are finite. Runners check it at episode ends to stop a
 * run whose parameters diverged (a NaN or infinite loss is caught at every update through {@link UpdateListener}).
 */
public interface FiniteParameters {
  /** Whether every parameter of every network the agent holds is finite (neither NaN nor infinite). */
  boolean parametersFinite();
}
