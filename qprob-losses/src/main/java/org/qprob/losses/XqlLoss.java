package org.qprob.losses;

import java.util.List;
import org.qprob.api.Options;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.LossProvider;
import org.qprob.api.loss.PointLoss;

/**
 * {@code xql}: Extreme Q-learning's Gumbel regression loss on {@code z = (y - q) / beta} (target {@code y}, prediction
 * {@code q}); its minimiser over a constant prediction is the soft maximum {@code beta * log E[exp(y / beta)]}
 * ({@link GumbelRegression#minimiser}). Three forms:
 *
 * <ul>
 *   <li>{@code plain}: {@code exp(z) - z - 1};
 *   <li>{@code clipped}: the same on {@code z} clamped, with zero gradient where clamped: to {@code z <= max_clip}
 *       ({@code clip_side: upper}) or to {@code [-max_clip, max_clip]} ({@code clip_side: both});
 *   <li>{@code max-rescaled}: the stable form of the XQL code, {@code exp(-m) (exp(z) - z - 1)} =
 *       {@code exp(z - m) - z exp(-m) - exp(-m)} with {@code m = max(max over the batch of z, -1)} held constant (it
 *       rescales the batch's gradients, an adaptive learning rate that leaves the minimiser unchanged); {@code z} is
 *       clamped first as for {@code clipped}, unless {@code max_clip} is {@code none}.
 * </ul>
 *
 * <p>Which side is clamped ({@code clip_side}): {@code upper} ({@code min(z, max_clip)}, the default) follows XQL's
 * offline code, with which the paper's D4RL results were made (also JAX-CORL's port); {@code both}
 * ({@code clamp(z, -max_clip, max_clip)}) follows its online PyTorch code. {@code exp(z)} is stable for very negative
 * {@code z}, so the lower clamp buys no stability; it only zeroes the gradient of every sample more than
 * {@code max_clip * beta} below the prediction, which biases the Gumbel-regression estimate upward.
 *
 * <p>Options: {@code beta} = 1.0 (default), finite {@code > 0}; {@code form} = {@code max-rescaled} (default),
 * {@code clipped} or {@code plain}; {@code max_clip} = 7 (default, the XQL code's) for {@code clipped} and
 * {@code max-rescaled}, a number {@code > 0} or {@code none} (also {@code inf}); only {@code none} is accepted with
 * {@code plain}; {@code clip_side} = {@code upper} (default) or {@code both}, not with {@code plain}. The default is the form the XQL paper's DQN experiments train with (max-rescaled and clipped): the
 * plain form's {@code exp(z)} overflows and its gradients explode as soon as a TD target outruns the prediction by a
 * few {@code beta}.
 *
 * <p>Gradients are of each sample's value with {@code m} held constant (as the XQL code detaches it), w.r.t. the
 * prediction and, when asked, the target.
 */
public final class XqlLoss implements PointLoss, DirectLoss {
  /** The registered name. */
  public static final String NAME = "xql";

  /** The default {@code beta}. */
  public static final double DEFAULT_BETA = 1.0;

  /** The default {@code max_clip}, the XQL code's. */
  public static final double DEFAULT_MAX_CLIP = 7.0;

  /** The floor of the rescaling exponent {@code m}, as in the XQL code. */
  static final double RESCALE_FLOOR = -1.0;

  /** Above this {@code z}, {@code exp(z)} is near overflow and the rescaled value is computed in the XQL code's form. */
  private static final double LARGE_EXPONENT = 700;

  /** Which variant of the Gumbel regression loss. */
  public enum Form {
    /** {@code exp(z) - z - 1}. */
    PLAIN("plain"),
    /** {@code exp(z) - z - 1} on the clamped {@code z}. */
    CLIPPED("clipped"),
    /** {@code exp(-m) (exp(z) - z - 1)} on the clamped {@code z}, {@code m} the batch maximum floored at -1. */
    MAX_RESCALED("max-rescaled");

    private final String key;

    Form(String key) {
      this.key = key;
    }

    /** The option value naming it. */
    public String key() {
      return key;
    }

    /** The form an option value names. */
    public static Form of(String key) {
      for (Form f : values()) {
        if (f.key.equals(key)) {
          return f;
        }
      }
      throw new IllegalArgumentException(NAME + ": form = \"" + key + "\" is invalid; expected one of " + keys());
    }

    static List<String> keys() {
      return List.of(PLAIN.key, CLIPPED.key, MAX_RESCALED.key);
    }
  }

  /** Which side of {@code z} the clamp bounds. */
  public enum ClipSide {
    /** {@code min(z, max_clip)}: XQL's offline code (the paper's D4RL results). */
    UPPER("upper") {
      @Override
      double clamp(double z, double maxClip) {
        return z > maxClip ? maxClip : z;
      }
    },
    /** {@code clamp(z, -max_clip, max_clip)}: XQL's online PyTorch code. */
    BOTH("both") {
      @Override
      double clamp(double z, double maxClip) {
        return z > maxClip ? maxClip : (z < -maxClip ? -maxClip : z);
      }
    };

    private final String key;

    ClipSide(String key) {
      this.key = key;
    }

    /** {@code z} clamped on this side (or sides) at {@code maxClip}. */
    abstract double clamp(double z, double maxClip);

    /** The option value naming it. */
    public String key() {
      return key;
    }

    /** The side an option value names. */
    public static ClipSide of(String key) {
      for (ClipSide c : values()) {
        if (c.key.equals(key)) {
          return c;
        }
      }
      throw new IllegalArgumentException(NAME + ": clip_side = \"" + key + "\" is invalid; expected one of " + keys());
    }

    static List<String> keys() {
      return List.of(UPPER.key, BOTH.key);
    }
  }

  private final double beta;
  private final Form form;
  private final double maxClip;
  private final ClipSide clipSide;

  /**
   * @param beta the temperature, finite and {@code > 0}
   * @param form the variant
   * @param maxClip the clamp on {@code z}, {@code > 0} or {@code Double.POSITIVE_INFINITY} for none; must be infinite
   *     for {@link Form#PLAIN}
   * @param clipSide which side of {@code z} is clamped
   */
  public XqlLoss(double beta, Form form, double maxClip, ClipSide clipSide) {
    if (!(beta > 0) || !Double.isFinite(beta)) {
      throw new IllegalArgumentException(NAME + ": beta = " + beta + " is invalid; expected a finite number > 0");
    }
    if (form == null) {
      throw new IllegalArgumentException(NAME + ": form is missing; expected one of " + Form.keys());
    }
    if (!(maxClip > 0)) {
      throw new IllegalArgumentException(NAME + ": max_clip = " + maxClip
          + " is invalid; expected a number > 0, or none");
    }
    if (form == Form.PLAIN && maxClip != Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(NAME + ": max_clip = " + maxClip
          + " is invalid with form plain; it applies to forms clipped and max-rescaled");
    }
    if (clipSide == null) {
      throw new IllegalArgumentException(NAME + ": clip_side is missing; expected one of " + ClipSide.keys());
    }
    this.beta = beta;
    this.form = form;
    this.maxClip = maxClip;
    this.clipSide = clipSide;
  }

  /** The given form and clamp, clamping the upper side only (the default {@code clip_side}). */
  public XqlLoss(double beta, Form form, double maxClip) {
    this(beta, form, maxClip, ClipSide.UPPER);
  }

  /** The defaults: beta 1, max-rescaled, max_clip 7, upper side only. */
  public XqlLoss() {
    this(DEFAULT_BETA, Form.MAX_RESCALED, DEFAULT_MAX_CLIP, ClipSide.UPPER);
  }

  /** Reads {@code beta}, {@code form}, {@code max_clip} and {@code clip_side}; fails on any other key. */
  public static XqlLoss fromOptions(Options options) {
    double beta = options.getDouble("beta", DEFAULT_BETA, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    Form form = Form.of(options.getChoice("form", Form.MAX_RESCALED.key(), Form.keys()));
    double defaultClip = form == Form.PLAIN ? Double.POSITIVE_INFINITY : DEFAULT_MAX_CLIP;
    double maxClip = ExponentClip.option(options, "max_clip", defaultClip, Double.NEGATIVE_INFINITY);
    boolean sideGiven = options.has("clip_side");
    ClipSide side = ClipSide.of(options.getChoice("clip_side", ClipSide.UPPER.key(), ClipSide.keys()));
    if (form == Form.PLAIN && sideGiven) {
      throw new IllegalArgumentException(NAME + ": clip_side = " + side.key()
          + " is invalid with form plain; it applies to forms clipped and max-rescaled");
    }
    options.requireAllUsed();
    return new XqlLoss(beta, form, maxClip, side);
  }

  public double beta() {
    return beta;
  }

  public Form form() {
    return form;
  }

  /** The clamp on {@code z}; infinite for none. */
  public double maxClip() {
    return maxClip;
  }

  /** Which side of {@code z} is clamped. */
  public ClipSide clipSide() {
    return clipSide;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double[] regress(double[] prediction, double[] target, double[] dPrediction, double[] dTarget) {
    LossResult r = evaluate(LossBatch.point(prediction, target), dTarget != null);
    System.arraycopy(r.dPrediction(), 0, dPrediction, 0, dPrediction.length);
    if (dTarget != null) {
      System.arraycopy(r.dTarget(), 0, dTarget, 0, dTarget.length);
    }
    return r.value();
  }

  @Override
  public LossResult evaluate(LossBatch batch, boolean targetGradient) {
    int n = BatchChecks.point(NAME, batch);
    double[] q = batch.prediction();
    double[] y = batch.target();
    double[] value = new double[n];
    double[] dq = new double[n];
    double[] dy = targetGradient ? new double[n] : null;
    double invBeta = 1 / beta;
    double m = RESCALE_FLOOR;
    if (form == Form.MAX_RESCALED) {
      for (int i = 0; i < n; i++) {
        m = Math.max(m, clamp((y[i] - q[i]) * invBeta));
      }
    }
    double scale = Math.exp(-m);
    for (int i = 0; i < n; i++) {
      double z = (y[i] - q[i]) * invBeta;
      double zc = clamp(z);
      boolean free = zc == z;
      double v;
      double dz;
      if (form != Form.MAX_RESCALED) {
        double e = Math.expm1(zc);
        v = e - zc;
        dz = e;
      } else if (zc <= LARGE_EXPONENT) {
        double e = Math.expm1(zc);
        v = scale * (e - zc);
        dz = scale * e;
      } else {
        double e = Math.exp(zc - m);
        v = e - scale * (zc + 1);
        dz = e - scale;
      }
      value[i] = v;
      double g = free ? dz * invBeta : 0;
      dq[i] = -g;
      if (dy != null) {
        dy[i] = g;
      }
    }
    return new LossResult(value, dq, null, dy, null, null);
  }

  private double clamp(double z) {
    return clipSide.clamp(z, maxClip);
  }

  @Override
  public String toString() {
    return NAME + "[beta=" + beta + ", form=" + form.key()
        + (form == Form.PLAIN ? "" : ", max_clip=" + maxClip + ", clip_side=" + clipSide.key()) + "]";
  }

  /** Registers {@code xql}. */
  public static final class Provider implements LossProvider {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return "Extreme-Q Gumbel regression exp(z)-z-1, z=(y-q)/beta; options: beta (1.0), "
          + "form (max-rescaled|clipped|plain), max_clip (7), clip_side (upper|both)";
    }

    @Override
    public Loss create(Options options) {
      return fromOptions(options);
    }
  }
}
