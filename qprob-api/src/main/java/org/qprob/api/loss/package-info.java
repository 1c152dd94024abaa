/** Batched losses over primitive arrays that return per-sample values with their analytic gradients, and the provider SPI that finds them by name. */
package org.qprob.api.loss;
