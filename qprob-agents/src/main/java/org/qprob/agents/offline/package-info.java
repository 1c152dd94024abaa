/**
 * Offline agents, which learn from a recorded {@link org.qprob.agents.dataset.Dataset} with no interaction
 * (behaviour cloning and offline Extreme Q-learning here; CQL and offline DQN in {@code q}), and the loop that trains
 * them for a budget of gradient steps.
 */
package org.qprob.agents.offline;
