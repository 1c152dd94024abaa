/** The observers every run has (its CSV logs, progress, divergence guard, checkpoints, TensorBoard) and their binding. */
package org.qprob.experiments.observe;
