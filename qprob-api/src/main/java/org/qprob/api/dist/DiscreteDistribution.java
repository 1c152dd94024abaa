package org.qprob.api.dist;

/**
 * A distribution on finitely many atoms: {@code P(X = atom(k)) = probability(k)}, the atoms in ascending order (ties
 * allowed). It has no density, so {@link #density}, {@link #logDensity} and {@link #entropy} throw
 * {@link UnsupportedOperationException}; its {@link #cdf} is a right-continuous step function and its
 * {@link #quantile} the generalised inverse {@code inf {x : F(x) >= p}}, defined for {@code 0 < p <= 1}.
 */
public interface DiscreteDistribution extends Distribution {
  /** The number of atoms. */
  int size();

  /** The {@code k}-th smallest atom, {@code 0 <= k < size()}. */
  double atom(int k);

  /** The probability of the {@code k}-th smallest atom; the probabilities sum to 1. */
  double probability(int k);

  /** {@code false}: a discrete distribution has no density. */
  @Override
  default boolean continuous() {
    return false;
  }

  /** Throws: a discrete distribution has no density. */
  @Override
  default double density(double x) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " is discrete: it has no density");
  }

  /** Throws: a discrete distribution has no density. */
  @Override
  default double logDensity(double x) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " is discrete: it has no log-density");
  }

  /** Throws: a discrete distribution has no differential entropy. */
  @Override
  default double entropy() {
    throw new UnsupportedOperationException(getClass().getSimpleName()
        + " is discrete: it has no differential entropy");
  }
}
