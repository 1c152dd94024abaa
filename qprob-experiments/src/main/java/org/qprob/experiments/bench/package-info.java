/** {@code qprob bench}: end-to-end training throughput of the original configurations, alone and in parallel. */
package org.qprob.experiments.bench;
