/** Small demonstrations of the math behind the losses, run from the command line: Gumbel regression against L2. */
package org.qprob.experiments.demo;
