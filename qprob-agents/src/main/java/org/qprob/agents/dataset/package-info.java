/** Recorded datasets of transitions, in the flat layout of D4RL and Minari, that offline agents learn from. */
package org.qprob.agents.dataset;
