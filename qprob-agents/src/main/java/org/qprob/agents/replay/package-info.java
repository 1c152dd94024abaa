/** Experience replay over primitive arrays: the ring of transitions, n-step folding, and the uniform and prioritized samplers. */
package org.qprob.agents.replay;
