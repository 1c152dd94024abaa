/** The Q-learning agent: one network, an injected loss, and a configurable Bellman backup and target source. */
package org.qprob.agents.q;
