/**
 * The built-in losses (Gumbel cross-entropy / KL, terminal Gumbel NLL, L2, Huber, Extreme-Q Gumbel regression) with
 * their analytic gradients, the providers that register them by name, and the per-sample kernels of the
 * distributional baselines (C51's categorical projection and cross-entropy, QR-DQN's quantile Huber loss).
 */
package org.qprob.losses;
