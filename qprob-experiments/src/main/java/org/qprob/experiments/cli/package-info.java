/** The {@code qprob} command and its subcommands (picocli): run, list, report, verify-env, gumbel-regression. */
package org.qprob.experiments.cli;
