/** Environments with Gymnasium's semantics (spaces, reset, step, terminated vs truncated) and the provider SPI that finds them by id. */
package org.qprob.api.env;
