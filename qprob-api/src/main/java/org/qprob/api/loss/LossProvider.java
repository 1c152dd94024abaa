package org.qprob.api.loss;

import org.qprob.api.Options;

/**
 * Makes one kind of loss, found by {@link java.util.ServiceLoader} through a
 * {@code META-INF/services/org.qprob.api.loss.LossProvider} entry and keyed by its name.
 */
public interface LossProvider {
  /** The name, e.g. {@code gumbel-kl}. */
  String name();

  /** One line for {@code qprob list}. */
  String description();

  /** A loss with the given hyper-parameters; fails with one line naming a bad or unknown option. */
  Loss create(Options options);
}
