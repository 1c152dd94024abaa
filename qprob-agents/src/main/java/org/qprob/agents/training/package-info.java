/** The loop that trains one agent on one environment: seeded resets, one update per step, episode and evaluation records. */
package org.qprob.agents.training;
