package org.qprob.losses;

import java.util.List;
import org.qprob.api.Options;
import org.qprob.api.loss.Backup;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.LossProvider;
import org.qprob.api.loss.OutputModel;
import org.qprob.api.loss.TdBatch;
import org.qprob.api.loss.TdResult;

/**
 * {@code gumbel-kl}: probabilistic Q-learning's loss. Each row's target is the Gumbel Bellman backup
 * {@code p = r + gamma * max_a' Gumbel(mu(s', a'), exp(nu(s')))} ({@link GumbelBackup}), scored against the predicted
 * {@code q = Gumbel(mu(s, a), exp(nu(s)))} by the cross-entropy {@code KL(p || q) + H(p)} ({@link GumbelCrossEntropy})
 * or by {@code KL(p || q)} alone; the two have the same gradient w.r.t. {@code q}. Terminal rows score the observed
 * reward alone with the Gumbel negative log-likelihood {@code -log q(r)} ({@link GumbelNll}, same clip), whatever the
 * objective, and pass no gradient to the next-state parameters.
 *
 * <p>Target gradients flow through {@code mu_p} (into every {@code mu(s', a')} and into {@code nu(s')}) and through
 * {@code nu_p} (into {@code nu(s')}), as in the original script, which does not stop the gradient at the target.
 *
 * <p>Options: {@code objective} = {@code cross-entropy} (default: {@code -E_p[log q]}, the write-up's "total loss") or
 * {@code kl} (what the published q-prob.py backpropagates; with target gradients the two differ by {@code -1} in
 * {@code dL/dnu(s')});
 * {@code exponent_clip} = 12 (default, the original script's), any number {@code >= 0}, or {@code none} (also
 * {@code inf}) for no clip.
 */
public final class GumbelKlLoss implements DirectLoss {
  /** The registered name. */
  public static final String NAME = "gumbel-kl";

  /** What is minimised at non-terminal rows. */
  public enum Objective {
    /** {@code -E_p[log q] = KL(p || q) + H(p)}. */
    CROSS_ENTROPY("cross-entropy"),
    /** {@code KL(p || q)}. */
    KL("kl");

    private final String key;

    Objective(String key) {
      this.key = key;
    }

    /** The option value naming it. */
    public String key() {
      return key;
    }

    /** The objective an option value names. */
    public static Objective of(String key) {
      for (Objective o : values()) {
        if (o.key.equals(key)) {
          return o;
        }
      }
      throw new IllegalArgumentException(NAME + ": objective = \"" + key + "\" is invalid; expected one of "
          + keys());
    }

    static List<String> keys() {
      return List.of(CROSS_ENTROPY.key, KL.key);
    }
  }

  private final Objective objective;
  private final GumbelCrossEntropy crossEntropy;
  private final GumbelNll terminalNll;

  /**
   * @param objective what non-terminal rows minimise
   * @param exponentClip the clip on the exponent {@code z}, {@code >= 0}; {@code Double.POSITIVE_INFINITY} for none
   */
  public GumbelKlLoss(Objective objective, double exponentClip) {
    if (objective == null) {
      throw new IllegalArgumentException(NAME + ": objective is missing; expected one of " + Objective.keys());
    }
    this.objective = objective;
    this.crossEntropy = new GumbelCrossEntropy(ExponentClip.check(NAME, exponentClip));
    this.terminalNll = new GumbelNll(exponentClip);
  }

  /** The defaults: cross-entropy, exponent clip 12. */
  public GumbelKlLoss() {
    this(Objective.CROSS_ENTROPY, ExponentClip.DEFAULT);
  }

  /** Reads {@code objective} and {@code exponent_clip}; fails on any other key. */
  public static GumbelKlLoss fromOptions(Options options) {
    Objective objective = Objective.of(options.getChoice("objective", Objective.CROSS_ENTROPY.key(), Objective.keys()));
    double clip = ExponentClip.option(options, "exponent_clip", ExponentClip.DEFAULT, 0);
    options.requireAllUsed();
    return new GumbelKlLoss(objective, clip);
  }

  public Objective objective() {
    return objective;
  }

  public double exponentClip() {
    return crossEntropy.exponentClip();
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The Gumbel head: A locations and one log-scale. */
  @Override
  public OutputModel outputModel(int actions) {
    return new GumbelHead(actions);
  }

  /** The Gumbel backup only. */
  @Override
  public List<Backup> backups() {
    return List.of(Backup.GUMBEL);
  }

  /**
   * The TD form: {@code mu(s, a_i)} and {@code nu(s)} from each row, the backup from the next-state row, the batch's
   * per-sample discounts (0 at terminal rows); priorities are the per-sample losses.
   */
  @Override
  public TdResult evaluate(TdBatch batch, boolean targetGradient) {
    if (batch.backup() != Backup.GUMBEL) {
      throw new IllegalArgumentException(NAME + ": backup " + batch.backup() + " does not fit; expected " + backups());
    }
    int n = batch.size();
    int na = batch.actions();
    int w = batch.width();
    double[] out = batch.outputs();
    double[] next = batch.nextOutputs();
    double[] mu = new double[n];
    double[] nu = new double[n];
    double[] nextMu = new double[n * na];
    double[] nextNu = new double[n];
    for (int i = 0; i < n; i++) {
      mu[i] = out[i * w + batch.taken()[i]];
      nu[i] = out[i * w + na];
      System.arraycopy(next, i * w, nextMu, i * na, na);
      nextNu[i] = next[i * w + na];
    }
    LossResult r = evaluate(mu, nu, batch.rewards(), batch.discounts(), na, nextMu, nextNu, targetGradient);
    double[] dOut = new double[n * w];
    double[] dNext = targetGradient ? new double[n * w] : null;
    for (int i = 0; i < n; i++) {
      dOut[i * w + batch.taken()[i]] = r.dPrediction()[i];
      dOut[i * w + na] = r.dPredictionLogScale()[i];
      if (targetGradient) {
        System.arraycopy(r.dNextLocation(), i * na, dNext, i * w, na);
        dNext[i * w + na] = r.dNextLogScale()[i];
      }
    }
    return new TdResult(r.value(), dOut, dNext, r.value().clone());
  }

  @Override
  public LossResult evaluate(LossBatch batch, boolean targetGradient) {
    int n = BatchChecks.size(NAME, batch);
    BatchChecks.require(NAME, "prediction", batch.prediction(), n);
    BatchChecks.require(NAME, "predictionLogScale", batch.predictionLogScale(), n);
    BatchChecks.require(NAME, "reward", batch.reward(), n);
    BatchChecks.require(NAME, "terminal", batch.terminal(), n);
    BatchChecks.require(NAME, "nextLogScale", batch.nextLogScale(), n);
    int actions = batch.actions();
    double gamma = batch.gamma();
    if (actions < 1) {
      throw new IllegalArgumentException(NAME + ": batch.actions = " + actions + " is invalid; expected >= 1");
    }
    if (!(gamma > 0 && gamma <= 1)) {
      throw new IllegalArgumentException(NAME + ": batch.gamma = " + gamma + " is invalid; expected 0 < gamma <= 1");
    }
    BatchChecks.require(NAME, "nextLocation", batch.nextLocation(), n * actions);
    double[] discount = new double[n];
    for (int i = 0; i < n; i++) {
      discount[i] = batch.terminal()[i] ? 0 : gamma;
    }
    return evaluate(batch.prediction(), batch.predictionLogScale(), batch.reward(), discount, actions,
        batch.nextLocation(), batch.nextLogScale(), targetGradient);
  }

  /** The per-sample math; {@code discount[i] == 0} marks a terminal row, scored by the NLL of the reward. */
  private LossResult evaluate(double[] mu, double[] nu, double[] reward, double[] discount, int actions,
      double[] nextMu, double[] nextNu, boolean targetGradient) {
    int n = mu.length;
    double[] value = new double[n];
    double[] dMu = new double[n];
    double[] dNu = new double[n];
    double[] dNextMu = targetGradient ? new double[n * actions] : null;
    double[] dNextNu = targetGradient ? new double[n] : null;
    double[] g = new double[4];
    boolean kl = objective == Objective.KL;
    for (int i = 0; i < n; i++) {
      if (discount[i] == 0) {
        value[i] = terminalNll.valueAndGradient(mu[i], nu[i], reward[i], g);
        dMu[i] = g[GumbelNll.MU_Q];
        dNu[i] = g[GumbelNll.NU_Q];
        continue; // next-state gradients stay 0
      }
      double gamma = discount[i];
      int offset = i * actions;
      double nuP = nextNu[i] + Math.log(gamma);
      double muP = GumbelBackup.location(nextMu, offset, actions, nextNu[i], reward[i], gamma);
      double v = crossEntropy.valueAndGradient(mu[i], nu[i], muP, nuP, g);
      double dNuP = g[GumbelCrossEntropy.NU_P];
      if (kl) {
        v -= GumbelCrossEntropy.targetEntropy(nuP);
        dNuP -= 1;
      }
      value[i] = v;
      dMu[i] = g[GumbelCrossEntropy.MU_Q];
      dNu[i] = g[GumbelCrossEntropy.NU_Q];
      if (targetGradient) {
        double dMuP = g[GumbelCrossEntropy.MU_P];
        double dMuPdNu = GumbelBackup.locationJacobian(nextMu, offset, actions, nextNu[i], gamma, dNextMu, offset);
        for (int k = offset; k < offset + actions; k++) {
          dNextMu[k] *= dMuP;
        }
        dNextNu[i] = dNuP + dMuP * dMuPdNu;
      }
    }
    return new LossResult(value, dMu, dNu, null, dNextMu, dNextNu);
  }

  @Override
  public String toString() {
    return NAME + "[objective=" + objective.key() + ", exponent_clip=" + exponentClip() + "]";
  }

  /** Registers {@code gumbel-kl}. */
  public static final class Provider implements LossProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "Gumbel Bellman backup scored by cross-entropy or KL against the predicted Gumbel (probabilistic Q-learning); "
          + "options: objective (cross-entropy|kl), exponent_clip (12)";
    }

    @Override
    public Loss create(Options options) {
      return fromOptions(options);
    }
  }
}
