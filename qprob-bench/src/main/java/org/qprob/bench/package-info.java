/** JMH benchmarks of qprob's hot paths: environment steps, losses, agent updates and acting. */
package org.qprob.bench;
