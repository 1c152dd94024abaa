/** The NoisyChain: a chain whose reward noise differs by state and whose optimal Q-values are known in closed form. */
package org.qprob.envs.chain;
