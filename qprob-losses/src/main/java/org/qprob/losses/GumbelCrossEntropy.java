package org.qprob.losses;

import org.apache.commons.math3.special.Gamma;
import org.qprob.api.dist.Gumbel;

/**
 * The cross-entropy {@code -E_p[log q] = KL(p || q) + H(p)} between a target Gumbel {@code p = (mu_p, nu_p)} and a
 * predicted Gumbel {@code q = (mu_q, nu_q)}, with its four partial derivatives. With {@code z = (mu_q - mu_p) exp(-nu_q)}
 * and {@code d = exp(nu_p - nu_q)}:
 *
 * <pre>L = nu_q - z + EulerGamma * d + exp(min(z, clip)) * Gamma(1 + d)</pre>
 *
 * <p>{@code Gamma(1 + d)} is evaluated as {@code exp(logGamma(1 + d))} (Commons Math) inside the same exponential as
 * {@code z}, and its derivative uses the digamma function ({@link Digamma}, accurate to a few ulps). Above the exponent clip the {@code exp} factor is constant (zero gradient), as
 * in the original script's {@code exp(clip(z, max=12))}; see {@link ExponentClip#MAX_LOG_TERM} for the overflow guard.
 */
public final class GumbelCrossEntropy {
  /** Index of {@code dL/dmu_q} in a gradient array. */
  public static final int MU_Q = 0;
  /** Index of {@code dL/dnu_q} in a gradient array. */
  public static final int NU_Q = 1;
  /** Index of {@code dL/dmu_p} in a gradient array. */
  public static final int MU_P = 2;
  /** Index of {@code dL/dnu_p} in a gradient array. */
  public static final int NU_P = 3;

  private final double exponentClip;

  /** @param exponentClip the clip on {@code z}; {@code Double.POSITIVE_INFINITY} for none */
  public GumbelCrossEntropy(double exponentClip) {
    this.exponentClip = ExponentClip.check("GumbelCrossEntropy", exponentClip);
  }

  /** The clip on {@code z}. */
  public double exponentClip() {
    return exponentClip;
  }

  /** The cross-entropy {@code L}. */
  public double value(double muQ, double nuQ, double muP, double nuP) {
    double z = (muQ - muP) * Math.exp(-nuQ);
    double d = Math.exp(nuP - nuQ);
    double logTerm = Math.min(Math.min(z, exponentClip) + logGammaOnePlus(d), ExponentClip.MAX_LOG_TERM);
    return nuQ - z + Gumbel.EULER_GAMMA * d + Math.exp(logTerm);
  }

  /**
   * The cross-entropy {@code L}, writing {@code dL/dmu_q, dL/dnu_q, dL/dmu_p, dL/dnu_p} into
   * {@code gradient[MU_Q..NU_P]}.
   */
  public double valueAndGradient(double muQ, double nuQ, double muP, double nuP, double[] gradient) {
    double invBetaQ = Math.exp(-nuQ);
    double z = (muQ - muP) * invBetaQ;
    double d = Math.exp(nuP - nuQ);
    boolean zFree = z <= exponentClip;
    double logTerm = (zFree ? z : exponentClip) + logGammaOnePlus(d);
    boolean termFree = logTerm <= ExponentClip.MAX_LOG_TERM;
    double term = Math.exp(termFree ? logTerm : ExponentClip.MAX_LOG_TERM);
    // dL/dz and dL/dd of L = nu_q - z + EulerGamma*d + term(z, d)
    double dz = (zFree && termFree ? term : 0) - 1;
    double dd = Gumbel.EULER_GAMMA + (termFree ? term * Digamma.value(1 + d) : 0);
    double dMuQ = dz * invBetaQ;
    gradient[MU_Q] = dMuQ;
    gradient[NU_Q] = 1 - z * dz - d * dd;
    gradient[MU_P] = -dMuQ;
    gradient[NU_P] = d * dd;
    return nuQ - z + Gumbel.EULER_GAMMA * d + term;
  }

  /** The entropy {@code H(p) = nu_p + EulerGamma + 1} of the target, so that {@code KL(p || q) = L - H(p)}. */
  public static double targetEntropy(double nuP) {
    return nuP + Gumbel.EULER_GAMMA + 1;
  }

  /** {@code log Gamma(1 + x)} for {@code x >= 0}, accurate near {@code x = 0} and {@code x = 1}. */
  static double logGammaOnePlus(double x) {
    return x <= 1.5
        ? Gamma.logGamma1p(x)
        : Gamma.logGamma(1 + x);
  }

  @Override
  public String toString() {
    return "GumbelCrossEntropy[exponent_clip=" + exponentClip + "]";
  }
}
