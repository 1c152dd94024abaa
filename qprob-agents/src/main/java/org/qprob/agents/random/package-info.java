/** Seed derivation from a run seed and a checkpointable SplitMix64 generator, the only sources of randomness in agents. */
package org.qprob.agents.random;
