/** The dataset file: a NumPy {@code .npz} of transitions in D4RL's and Minari's flat layout, with its metadata. */
package org.qprob.experiments.dataset;
