/** Uniform experience replay over primitive arrays. */
package org.qprob.agents.replay;
