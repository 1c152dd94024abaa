package org.qprob.api.env;

/** An observation or action space, as Gymnasium defines them: a box of reals or a set of integers {@code 0..n-1}. */
public sealed interface Space permits Box, Discrete {
  /** The length of the {@code float[]} an observation from this space is carried in (a box's size; 1 for discrete). */
  int flatSize();

  /** The number of inputs a network needs for it: a box's size, or n for a one-hot discrete observation. */
  int encodedSize();
}
