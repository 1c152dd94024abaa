/** Probability distributions of returns, the Gumbel first among them, as immutable values. */
package org.qprob.api.dist;
