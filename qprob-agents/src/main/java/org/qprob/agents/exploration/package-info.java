/** Exploration policies (ε-greedy, Boltzmann, greedy) and the schedules of their parameter. */
package org.qprob.agents.exploration;
