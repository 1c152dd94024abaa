/** The agent plugin SPI: factories found by name that build an {@link org.qprob.api.agent.Agent} from a config, a loss and the spaces. */
package org.qprob.agents;
