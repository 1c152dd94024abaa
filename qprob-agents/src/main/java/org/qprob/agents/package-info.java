/**
 * The agent plugin SPI: factories found by name that build an {@link org.qprob.api.agent.Agent} from a config, a loss
 * and the spaces, and the {@link org.qprob.agents.Experience} (replay, exploration, step counters) the agents share.
 */
package org.qprob.agents;
