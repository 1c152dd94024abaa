/** The Extreme-Q (X-DQN) agent: a Q network toward r + gamma * V(s') and a V network by Gumbel regression on Q. */
package org.qprob.agents.xq;
