package org.qprob.losses;

/**
 * The negative log-likelihood of an observed return {@code r} under a predicted Gumbel {@code (mu_q, nu_q)}, with its
 * partial derivatives: with {@code z = (mu_q - r) exp(-nu_q)},
 *
 * <pre>-log q(r) = nu_q - z + exp(min(z, clip))</pre>
 *
 * <p>Above the exponent clip the {@code exp} factor is constant (zero gradient), as in the original script.
 */
public final class GumbelNll {
  /** Index of {@code d/dmu_q} in a gradient array. */
  public static final int MU_Q = 0;
  /** Index of {@code d/dnu_q} in a gradient array. */
  public static final int NU_Q = 1;
  /** Index of {@code d/dr} in a gradient array. */
  public static final int R = 2;

  private final double exponentClip;

  /** @param exponentClip the clip on {@code z}; {@code Double.POSITIVE_INFINITY} for none */
  public GumbelNll(double exponentClip) {
    this.exponentClip = ExponentClip.check("GumbelNll", exponentClip);
  }

  /** The clip on {@code z}. */
  public double exponentClip() {
    return exponentClip;
  }

  /** {@code -log q(r)}. */
  public double value(double muQ, double nuQ, double r) {
    double z = (muQ - r) * Math.exp(-nuQ);
    return nuQ - z + Math.exp(Math.min(Math.min(z, exponentClip), ExponentClip.MAX_LOG_TERM));
  }

  /** {@code -log q(r)}, writing its derivatives w.r.t. {@code mu_q, nu_q, r} into {@code gradient[MU_Q..R]}. */
  public double valueAndGradient(double muQ, double nuQ, double r, double[] gradient) {
    double invBetaQ = Math.exp(-nuQ);
    double z = (muQ - r) * invBetaQ;
    double limit = Math.min(exponentClip, ExponentClip.MAX_LOG_TERM);
    boolean free = z <= limit;
    double e = Math.exp(free ? z : limit);
    double dz = (free ? e : 0) - 1;
    gradient[MU_Q] = dz * invBetaQ;
    gradient[NU_Q] = 1 - z * dz;
    gradient[R] = -dz * invBetaQ;
    return nuQ - z + e;
  }

  @Override
  public String toString() {
    return "GumbelNll[exponent_clip=" + exponentClip + "]";
  }
}
