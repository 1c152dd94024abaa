/** The five MinAtar games, exact to MinAtar 1.0.15, with NumPy's legacy {@code RandomState} as their generator. */
package org.qprob.envs.minatar;
