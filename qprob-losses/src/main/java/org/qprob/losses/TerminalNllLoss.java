package org.qprob.losses;

import org.qprob.api.Options;
import org.qprob.api.loss.Head;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.LossBatch;
import org.qprob.api.loss.LossProvider;
import org.qprob.api.loss.LossResult;
import org.qprob.api.loss.TargetKind;

/**
 * {@code terminal-nll}: the negative log-likelihood of an observed return {@code r} (the batch's point target) under the
 * predicted {@code Gumbel(mu, exp(nu))}, {@code nu - z + exp(min(z, clip))} with {@code z = (mu - r) exp(-nu)}
 * ({@link GumbelNll}). It is the loss {@code gumbel-kl} applies at terminal rows, offered alone for Monte-Carlo
 * returns. Gradients w.r.t. {@code mu}, {@code nu} and, when asked, {@code r}.
 *
 * <p>Option: {@code exponent_clip} = 12 (default, as at the original script's terminal steps), any number
 * {@code >= 0}, or {@code none} (also {@code inf}) for the exact likelihood.
 */
public final class TerminalNllLoss implements Loss {
  /** The registered name. */
  public static final String NAME = "terminal-nll";

  private final GumbelNll nll;

  /** @param exponentClip the clip on {@code z}, {@code >= 0}; {@code Double.POSITIVE_INFINITY} for none */
  public TerminalNllLoss(double exponentClip) {
    this.nll = new GumbelNll(ExponentClip.check(NAME, exponentClip));
  }

  /** The default: exponent clip 12. */
  public TerminalNllLoss() {
    this(ExponentClip.DEFAULT);
  }

  /** Reads {@code exponent_clip}; fails on any other key. */
  public static TerminalNllLoss fromOptions(Options options) {
    double clip = ExponentClip.option(options, "exponent_clip", ExponentClip.DEFAULT, 0);
    options.requireAllUsed();
    return new TerminalNllLoss(clip);
  }

  public double exponentClip() {
    return nll.exponentClip();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Head head() {
    return Head.GUMBEL;
  }

  @Override
  public TargetKind targetKind() {
    return TargetKind.POINT;
  }

  @Override
  public LossResult evaluate(LossBatch batch, boolean targetGradient) {
    int n = BatchChecks.point(NAME, batch);
    double[] mu = batch.prediction();
    double[] nu = batch.predictionLogScale();
    double[] r = batch.target();
    BatchChecks.require(NAME, "predictionLogScale", nu, n);
    double[] value = new double[n];
    double[] dMu = new double[n];
    double[] dNu = new double[n];
    double[] dR = targetGradient ? new double[n] : null;
    double[] g = new double[3];
    for (int i = 0; i < n; i++) {
      value[i] = nll.valueAndGradient(mu[i], nu[i], r[i], g);
      dMu[i] = g[GumbelNll.MU_Q];
      dNu[i] = g[GumbelNll.NU_Q];
      if (dR != null) {
        dR[i] = g[GumbelNll.R];
      }
    }
    return new LossResult(value, dMu, dNu, dR, null, null);
  }

  @Override
  public String toString() {
    return NAME + "[exponent_clip=" + exponentClip() + "]";
  }

  /** Registers {@code terminal-nll}. */
  public static final class Provider implements LossProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "Gumbel negative log-likelihood of an observed return; options: exponent_clip (12)";
    }

    @Override
    public Loss create(Options options) {
      return fromOptions(options);
    }
  }
}
