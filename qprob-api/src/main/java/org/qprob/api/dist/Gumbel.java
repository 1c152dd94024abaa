package org.qprob.api.dist;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Gamma;

/**
 * The Gumbel (maximum) distribution with location {@code mu} and log-scale {@code nu}, scale {@code beta = exp(nu)}:
 * density {@code exp(-(z + exp(-z))) / beta} with {@code z = (x - mu) / beta}.
 *
 * <p>It is closed under the two operations of the Bellman backup: the maximum of independent Gumbels that share a
 * scale ({@link #max}) and the affine map {@code r + gamma * X} ({@link #affine}); {@link #kl} is the closed-form
 * Kullback-Leibler divergence between two Gumbels.
 *
 * @param mu the location, finite
 * @param nu the log of the scale; finite, with {@code exp(nu)} a positive finite double ({@code |nu| <= 700})
 */
public record Gumbel(double mu, double nu) implements Distribution {
  /** The Euler-Mascheroni constant, the mean of a standard Gumbel. */
  public static final double EULER_GAMMA = Gamma.GAMMA;

  /** The largest accepted {@code |nu|}; beyond it {@code exp(nu)} or {@code exp(-nu)} leaves the double range. */
  public static final double MAX_ABS_LOG_SCALE = 700;

  private static final double LOG_2 = Math.log(2);

  /** Validates the parameters. */
  public Gumbel {
    if (!Double.isFinite(mu)) {
      throw new IllegalArgumentException("Gumbel: mu = " + mu + " is invalid; expected a finite number");
    }
    if (!(Math.abs(nu) <= MAX_ABS_LOG_SCALE)) {
      throw new IllegalArgumentException("Gumbel: nu = " + nu + " is invalid; expected a finite log-scale in ["
          + -MAX_ABS_LOG_SCALE + ", " + MAX_ABS_LOG_SCALE + "]");
    }
  }

  /** The Gumbel with location {@code mu} and scale {@code beta > 0}. */
  public static Gumbel ofScale(double mu, double beta) {
    if (!(beta > 0) || !Double.isFinite(beta)) {
      throw new IllegalArgumentException("Gumbel: beta = " + beta + " is invalid; expected a finite number > 0");
    }
    return new Gumbel(mu, Math.log(beta));
  }

  /**
   * The distribution of the maximum of independent Gumbels with locations {@code mus} and the common log-scale
   * {@code nu}: {@code Gumbel(beta * logsumexp(mus / beta), nu)}, computed without overflow.
   */
  public static Gumbel max(double[] mus, double nu) {
    if (mus == null || mus.length == 0) {
      throw new IllegalArgumentException("Gumbel.max: mus is empty; expected at least one location");
    }
    double beta = Math.exp(nu);
    int top = 0;
    for (int a = 0; a < mus.length; a++) {
      if (!Double.isFinite(mus[a])) {
        throw new IllegalArgumentException("Gumbel.max: mus[" + a + "] = " + mus[a] + " is invalid; expected finite");
      }
      if (mus[a] > mus[top]) {
        top = a;
      }
    }
    double rest = 0;
    for (int a = 0; a < mus.length; a++) {
      if (a != top) {
        rest += Math.exp((mus[a] - mus[top]) / beta);
      }
    }
    return new Gumbel(mus[top] + beta * Math.log1p(rest), nu);
  }

  /** The distribution of {@code r + gamma * X}: {@code Gumbel(r + gamma * mu, nu + log(gamma))}, for {@code gamma > 0}. */
  public Gumbel affine(double r, double gamma) {
    if (!Double.isFinite(r)) {
      throw new IllegalArgumentException("Gumbel.affine: r = " + r + " is invalid; expected a finite number");
    }
    if (!(gamma > 0) || !Double.isFinite(gamma)) {
      throw new IllegalArgumentException("Gumbel.affine: gamma = " + gamma + " is invalid; expected a finite number > 0");
    }
    return new Gumbel(r + gamma * mu, nu + Math.log(gamma));
  }

  /** The scale {@code beta = exp(nu)}. */
  public double beta() {
    return Math.exp(nu);
  }

  @Override
  public double density(double x) {
    return Math.exp(logDensity(x));
  }

  @Override
  public double logDensity(double x) {
    double z = (x - mu) * Math.exp(-nu);
    return -nu - z - Math.exp(-z);
  }

  @Override
  public double cdf(double x) {
    return Math.exp(-Math.exp(-(x - mu) * Math.exp(-nu)));
  }

  @Override
  public double quantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("Gumbel.quantile: p = " + p + " is invalid; expected 0 < p < 1");
    }
    return mu - beta() * Math.log(-Math.log(p));
  }

  /** Inverse-transform sampling from one uniform draw in (0, 1). */
  @Override
  public double sample(RandomGenerator random) {
    double u;
    do {
      u = random.nextDouble();
    } while (u == 0.0);
    return mu - beta() * Math.log(-Math.log(u));
  }

  /** {@code mu + EulerGamma * beta}. */
  @Override
  public double mean() {
    return mu + EULER_GAMMA * beta();
  }

  /** {@code pi^2 * beta^2 / 6}. */
  @Override
  public double variance() {
    double beta = beta();
    return Math.PI * Math.PI * beta * beta / 6;
  }

  /** {@code nu + EulerGamma + 1}. */
  @Override
  public double entropy() {
    return nu + EULER_GAMMA + 1;
  }

  /**
   * The continuous ranked probability score in closed form: with {@code z = (y - mu) / beta},
   * {@code CRPS = beta * (EulerGamma - z - log 2 + 2 E1(exp(-z)))}, {@code E1} the exponential integral
   * {@code integral_x^inf exp(-t)/t dt = Gamma(0, x)}. It follows from {@code CRPS = E|X - y| - E|X - X'| / 2}:
   * {@code X - X'} is logistic with scale {@code beta}, so {@code E|X - X'| = 2 beta log 2}, and
   * {@code E|X - y| = E[X] - y + 2 integral_{-inf}^y F = beta (EulerGamma - z + 2 E1(exp(-z)))}. For {@code z >= 0}
   * it is evaluated as {@code beta * (z - EulerGamma - log 2 + 2 s(exp(-z)))} with
   * {@code s(t) = E1(t) + EulerGamma + log t}, which keeps full precision however far above the mode {@code y} lies.
   *
   * @param y the observed value, finite
   */
  @Override
  public double crps(double y) {
    if (!Double.isFinite(y)) {
      throw new IllegalArgumentException("Gumbel.crps: y = " + y + " is invalid; expected a finite number");
    }
    double beta = beta();
    double z = (y - mu) / beta;
    double standard = z >= 0
        ? z - EULER_GAMMA - LOG_2 + 2 * ExponentialIntegral.seriesTail(Math.exp(-z))
        : EULER_GAMMA - z - LOG_2 + 2 * ExponentialIntegral.e1(Math.exp(-z));
    return beta * standard;
  }

  /**
   * The Kullback-Leibler divergence {@code KL(this || q)} in closed form: with {@code z = (mu_q - mu) / beta_q} and
   * {@code d = beta / beta_q}, {@code KL = nu_q - nu - z + EulerGamma * (d - 1) + exp(z) * Gamma(1 + d) - 1}.
   */
  public double kl(Gumbel q) {
    double z = (q.mu - mu) * Math.exp(-q.nu);
    double d = Math.exp(nu - q.nu);
    return (q.nu - nu) - z + EULER_GAMMA * (d - 1) + Math.expm1(z + logGammaOnePlus(d));
  }

  /** {@code log Gamma(1 + x)} for {@code x >= 0}, accurate near {@code x = 0} and {@code x = 1}. */
  static double logGammaOnePlus(double x) {
    return x <= 1.5 ? Gamma.logGamma1p(x) : Gamma.logGamma(1 + x);
  }
}
