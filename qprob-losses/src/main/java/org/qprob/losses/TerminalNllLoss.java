package org.qprob.losses;

import java.util.List;
import org.qprob.api.Options;
import org.qprob.api.dist.Gumbel;
import org.qprob.api.loss.Backup;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.LossProvider;
import org.qprob.api.loss.OutputModel;
import org.qprob.api.loss.PointTargets;
import org.qprob.api.loss.TdBatch;
import org.qprob.api.loss.TdResult;

/**
 * {@code terminal-nll}: the negative log-likelihood of an observed return {@code r} (the batch's point target) under the
 * predicted {@code Gumbel(mu, exp(nu))}, {@code nu - z + exp(min(z, clip))} with {@code z = (mu - r) exp(-nu)}
 * ({@link GumbelNll}). It is the loss {@code gumbel-kl} applies at terminal rows, offered alone for Monte-Carlo
 * returns. Gradients w.r.t. {@code mu}, {@code nu} and, when asked, {@code r}.
 *
 * <p>As a TD loss it scores the point target {@code y = r + d * V(s')} under the predicted Gumbel, with {@code V} the
 * max or soft backup of the next state's expected values {@code mu(s', a') + EulerGamma * beta(s')} (Gumbel maximum
 * likelihood of the point TD target); the target gradient flows through those expected values.
 *
 * <p>Option: {@code exponent_clip} = 12 (default, as at the original script's terminal steps), any number
 * {@code >= 0}, or {@code none} (also {@code inf}) for the exact likelihood.
 */
public final class TerminalNllLoss implements DirectLoss {
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

  /** The Gumbel head. */
  @Override
  public OutputModel outputModel(int actions) {
    return new GumbelHead(actions);
  }

  /** Max (the default) and soft, on the next state's expected values. */
  @Override
  public List<Backup> backups() {
    return List.of(Backup.MAX, Backup.SOFT);
  }

  @Override
  public TdResult evaluate(TdBatch batch, boolean targetGradient) {
    Backup backup = batch.backup();
    if (!backups().contains(backup)) {
      throw new IllegalArgumentException(NAME + ": backup " + backup + " does not fit; expected " + backups());
    }
    int n = batch.size();
    int na = batch.actions();
    int w = batch.width();
    double[] out = batch.outputs();
    double[] next = batch.nextOutputs();
    double[] mu = new double[n];
    double[] nu = new double[n];
    for (int i = 0; i < n; i++) {
      mu[i] = out[i * w + batch.taken()[i]];
      nu[i] = out[i * w + na];
    }
    PointTargets.Targets targets = PointTargets.targets(batch, new GumbelHead(na));
    double[] y = targets.y();
    double[] dValue = targets.dValue();
    LossResult r = evaluate(LossBatch.observed(mu, nu, y), targetGradient);
    double[] dOut = new double[n * w];
    double[] dNext = targetGradient ? new double[n * w] : null;
    double[] priority = new double[n];
    for (int i = 0; i < n; i++) {
      dOut[i * w + batch.taken()[i]] = r.dPrediction()[i];
      dOut[i * w + na] = r.dPredictionLogScale()[i];
      priority[i] = r.value()[i];
      double d = batch.discounts()[i];
      if (targetGradient && d != 0) {
        // dq(s', b)/dmu(s', b) = 1, dq(s', b)/dnu(s') = EulerGamma * beta(s')
        double dy = r.dTarget()[i] * d;
        double shiftSlope = Gumbel.EULER_GAMMA * Math.exp(next[i * w + na]);
        double dNu = 0;
        for (int b = 0; b < na; b++) {
          double g = dy * dValue[i * na + b];
          dNext[i * w + b] = g;
          dNu += g * shiftSlope;
        }
        dNext[i * w + na] = dNu;
      }
    }
    return new TdResult(r.value(), dOut, dNext, priority);
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
