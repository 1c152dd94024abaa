/**
 * The built-in losses (Gumbel cross-entropy / KL, terminal Gumbel NLL, L2, Huber, Extreme-Q Gumbel regression) with
 * their analytic gradients, and the providers that register them by name.
 */
package org.qprob.losses;
