/** Writes and reads TensorBoard event files (TFRecord-framed {@code Event} protocol buffers) with nothing of qprob. */
package org.qprob.tensorboard;
