/** Shared machinery of qprob's built-in environments: the episode bookkeeping and the Gymnasium-style registration. */
package org.qprob.envs;
