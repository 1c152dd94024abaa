package org.qprob.losses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qprob.api.loss.Loss;

/**
 * Every analytic gradient of every loss against central finite differences, over many seeded random cases, for every
 * objective, form and clip setting. Random draws keep a margin from the clip boundaries (where the losses are not
 * differentiable); the regions beyond a clip are included, since the losses are smooth there too.
 */
class GradientCheckTest {
  private static final int CASES = 60;
  /** Keep exponents this far from a clip boundary. */
  private static final double MARGIN = 0.02;

  // ---------- the core cross-entropy ----------

  static Stream<Arguments> crossEntropyCases() {
    List<Arguments> out = new ArrayList<>();
    for (double clip : new double[] {ExponentClip.DEFAULT, Double.POSITIVE_INFINITY, 1.0}) {
      SplittableRandom random = new SplittableRandom(11 + (long) Math.min(clip, 1000));
      for (int k = 0; k < CASES; k++) {
        double muQ;
        double nuQ;
        double muP;
        double nuP;
        do {
          muQ = random.nextDouble(-4, 4);
          nuQ = random.nextDouble(-1.5, 2.5);
          muP = random.nextDouble(-4, 4);
          nuP = random.nextDouble(-1.5, 2.5);
        } while (Math.abs((muQ - muP) * Math.exp(-nuQ) - clip) < MARGIN);
        out.add(Arguments.of(Named.of("clip=" + clip + " #" + k, new double[] {muQ, nuQ, muP, nuP, clip})));
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("crossEntropyCases")
  void crossEntropyPartials(double[] c) {
    GumbelCrossEntropy ce = new GumbelCrossEntropy(c[4]);
    double[] g = new double[4];
    double value = ce.valueAndGradient(c[0], c[1], c[2], c[3], g);
    assertThat(value).isEqualTo(ce.value(c[0], c[1], c[2], c[3]));
    double h = 1e-4 * Math.min(1, Math.exp(c[1]));
    String[] names = {"mu_q", "nu_q", "mu_p", "nu_p"};
    for (int j = 0; j < 4; j++) {
      int at = j;
      DoubleUnaryOperator f = x -> {
        double[] a = c.clone();
        a[at] = x;
        return ce.value(a[0], a[1], a[2], a[3]);
      };
      FiniteDifference.check("d/d" + names[j], g[j], f, c[j], h);
    }
  }

  // ---------- gumbel-kl on whole batches, through the target ----------

  record KlCase(GumbelKlLoss loss, LossBatch batch) {}

  static Stream<Arguments> gumbelKlCases() {
    List<Arguments> out = new ArrayList<>();
    int n = 6;
    for (GumbelKlLoss.Objective objective : GumbelKlLoss.Objective.values()) {
      for (double clip : new double[] {ExponentClip.DEFAULT, Double.POSITIVE_INFINITY, 1.0}) {
        GumbelKlLoss loss = new GumbelKlLoss(objective, clip);
        SplittableRandom random = new SplittableRandom(31 * objective.ordinal() + (long) Math.min(clip, 1000));
        for (int k = 0; k < CASES / 3; k++) {
          int actions = 1 + random.nextInt(4);
          double gamma = random.nextDouble(0.5, 1.0);
          double[] mu = new double[n];
          double[] nu = new double[n];
          double[] reward = new double[n];
          boolean[] terminal = new boolean[n];
          double[] nextMu = new double[n * actions];
          double[] nextNu = new double[n];
          for (int i = 0; i < n; i++) {
            terminal[i] = random.nextDouble() < 0.3;
            double z;
            do {
              mu[i] = random.nextDouble(-3, 3);
              nu[i] = random.nextDouble(-1.5, 2);
              reward[i] = random.nextDouble(-2, 2);
              nextNu[i] = random.nextDouble(-1.5, 2);
              for (int a = 0; a < actions; a++) {
                nextMu[i * actions + a] = random.nextDouble(-3, 3);
              }
              double target = terminal[i] ? reward[i]
                  : GumbelBackup.location(nextMu, i * actions, actions, nextNu[i], reward[i], gamma);
              z = (mu[i] - target) * Math.exp(-nu[i]);
            } while (Math.abs(z - clip) < MARGIN);
          }
          LossBatch batch = LossBatch.gumbelBackup(mu, nu, reward, terminal, gamma, actions, nextMu, nextNu);
          out.add(Arguments.of(Named.of(loss + " actions=" + actions + " #" + k, new KlCase(loss, batch))));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("gumbelKlCases")
  void gumbelKlEveryParameterIncludingTheTarget(KlCase c) {
    LossBatch b = c.batch();
    LossResult r = c.loss().evaluate(b, true);
    LossResult withoutTarget = c.loss().evaluate(b, false);
    assertThat(withoutTarget.value()).containsExactly(r.value());
    assertThat(withoutTarget.dPrediction()).containsExactly(r.dPrediction());
    assertThat(withoutTarget.dNextLocation()).isNull();
    assertThat(withoutTarget.dNextLogScale()).isNull();
    int n = b.size();
    int actions = b.actions();
    for (int i = 0; i < n; i++) {
      double h = 1e-4 * Math.min(1, Math.min(Math.exp(b.predictionLogScale()[i]), Math.exp(b.nextLogScale()[i])));
      int row = i;
      checkRow(c.loss(), "mu[" + i + "]", r.dPrediction()[i], b.prediction(), i, row, h, b,
          (x) -> with(b, x, b.predictionLogScale(), b.nextLocation(), b.nextLogScale()));
      checkRow(c.loss(), "nu[" + i + "]", r.dPredictionLogScale()[i], b.predictionLogScale(), i, row, h, b,
          (x) -> with(b, b.prediction(), x, b.nextLocation(), b.nextLogScale()));
      for (int a = 0; a < actions; a++) {
        checkRow(c.loss(), "nextMu[" + i + "," + a + "]", r.dNextLocation()[i * actions + a], b.nextLocation(),
            i * actions + a, row, h, b, (x) -> with(b, b.prediction(), b.predictionLogScale(), x, b.nextLogScale()));
      }
      checkRow(c.loss(), "nextNu[" + i + "]", r.dNextLogScale()[i], b.nextLogScale(), i, row, h, b,
          (x) -> with(b, b.prediction(), b.predictionLogScale(), b.nextLocation(), x));
      if (b.terminal()[i]) {
        for (int a = 0; a < actions; a++) {
          assertThat(r.dNextLocation()[i * actions + a]).isZero();
        }
        assertThat(r.dNextLogScale()[i]).isZero();
      }
    }
  }

  private static LossBatch with(LossBatch b, double[] mu, double[] nu, double[] nextMu, double[] nextNu) {
    return LossBatch.gumbelBackup(mu, nu, b.reward(), b.terminal(), b.gamma(), b.actions(), nextMu, nextNu);
  }

  /**
   * Checks {@code analytic = d value[row] / d array[index]} and that no other row's value moves when that entry does.
   */
  private static void checkRow(DirectLoss loss, String what, double analytic, double[] array, int index, int row, double h,
      LossBatch base, java.util.function.Function<double[], LossBatch> rebuild) {
    DoubleUnaryOperator f = x -> {
      double[] copy = array.clone();
      copy[index] = x;
      return loss.evaluate(rebuild.apply(copy), false).value()[row];
    };
    FiniteDifference.check(what, analytic, f, array[index], h);
    double[] moved = array.clone();
    moved[index] += 0.01;
    double[] after = loss.evaluate(rebuild.apply(moved), false).value();
    double[] before = loss.evaluate(base, false).value();
    for (int j = 0; j < after.length; j++) {
      if (j != row) {
        assertThat(after[j]).as("%s moved value[%d]", what, j).isEqualTo(before[j]);
      }
    }
  }

  // ---------- terminal-nll ----------

  static Stream<Arguments> terminalNllCases() {
    List<Arguments> out = new ArrayList<>();
    for (double clip : new double[] {ExponentClip.DEFAULT, Double.POSITIVE_INFINITY, 1.0}) {
      SplittableRandom random = new SplittableRandom(7 + (long) Math.min(clip, 1000));
      for (int k = 0; k < CASES; k++) {
        double mu;
        double nu;
        double r;
        do {
          mu = random.nextDouble(-5, 5);
          nu = random.nextDouble(-1.5, 2.5);
          r = random.nextDouble(-5, 5);
        } while (Math.abs((mu - r) * Math.exp(-nu) - clip) < MARGIN);
        out.add(Arguments.of(Named.of("clip=" + clip + " #" + k, new double[] {mu, nu, r, clip})));
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("terminalNllCases")
  void terminalNllPartials(double[] c) {
    TerminalNllLoss loss = new TerminalNllLoss(c[3]);
    LossResult r = loss.evaluate(LossBatch.observed(new double[] {c[0]}, new double[] {c[1]}, new double[] {c[2]}), true);
    double h = 1e-4 * Math.min(1, Math.exp(c[1]));
    double[] analytic = {r.dPrediction()[0], r.dPredictionLogScale()[0], r.dTarget()[0]};
    String[] names = {"mu", "nu", "r"};
    for (int j = 0; j < 3; j++) {
      int at = j;
      DoubleUnaryOperator f = x -> {
        double[] a = c.clone();
        a[at] = x;
        return loss.evaluate(LossBatch.observed(new double[] {a[0]}, new double[] {a[1]}, new double[] {a[2]}), false)
            .value()[0];
      };
      FiniteDifference.check("d/d" + names[j], analytic[j], f, c[j], h);
    }
  }

  // ---------- point losses: l2, huber, xql ----------

  static Stream<Arguments> pointLosses() {
    List<DirectLoss> losses = new ArrayList<>();
    losses.add(new L2Loss());
    losses.add(new HuberLoss(1.0));
    losses.add(new HuberLoss(0.3));
    losses.add(new HuberLoss(4.0));
    for (double beta : new double[] {1.0, 0.4, 2.5}) {
      losses.add(new XqlLoss(beta, XqlLoss.Form.PLAIN, Double.POSITIVE_INFINITY));
      losses.add(new XqlLoss(beta, XqlLoss.Form.CLIPPED, XqlLoss.DEFAULT_MAX_CLIP));
      losses.add(new XqlLoss(beta, XqlLoss.Form.CLIPPED, 1.5));
      losses.add(new XqlLoss(beta, XqlLoss.Form.MAX_RESCALED, XqlLoss.DEFAULT_MAX_CLIP));
      losses.add(new XqlLoss(beta, XqlLoss.Form.MAX_RESCALED, 1.5));
      losses.add(new XqlLoss(beta, XqlLoss.Form.MAX_RESCALED, Double.POSITIVE_INFINITY));
      losses.add(new XqlLoss(beta, XqlLoss.Form.CLIPPED, 1.5, XqlLoss.ClipSide.BOTH));
      losses.add(new XqlLoss(beta, XqlLoss.Form.MAX_RESCALED, 1.5, XqlLoss.ClipSide.BOTH));
    }
    List<Arguments> out = new ArrayList<>();
    for (int l = 0; l < losses.size(); l++) {
      DirectLoss loss = losses.get(l);
      SplittableRandom random = new SplittableRandom(100 + l);
      for (int k = 0; k < CASES / 6; k++) {
        int n = 1 + random.nextInt(8);
        double[] q = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
          do {
            q[i] = random.nextDouble(-4, 4);
            y[i] = random.nextDouble(-4, 4);
          } while (nearKink(loss, q[i], y[i]));
        }
        out.add(Arguments.of(Named.of(loss + " n=" + n + " #" + k, loss), LossBatch.point(q, y)));
      }
    }
    return out.stream();
  }

  private static boolean nearKink(DirectLoss loss, double q, double y) {
    if (loss instanceof HuberLoss huber) {
      return Math.abs(Math.abs(q - y) - huber.delta()) < MARGIN;
    }
    if (loss instanceof XqlLoss xql) {
      double z = (y - q) / xql.beta();
      return Math.abs(Math.abs(z) - xql.maxClip()) < MARGIN || Math.abs(z + 1) < MARGIN;
    }
    return false;
  }

  @ParameterizedTest
  @MethodSource("pointLosses")
  void pointLossPartials(DirectLoss loss, LossBatch batch) {
    LossResult r = loss.evaluate(batch, true);
    assertThat(loss.evaluate(batch, false).dTarget()).isNull();
    double[] q = batch.prediction();
    double[] y = batch.target();
    int n = batch.size();
    double[] z = IntStream.range(0, n).mapToDouble(i -> y[i] - q[i]).toArray();
    for (int i = 0; i < n; i++) {
      if (loss instanceof XqlLoss xql && xql.form() == XqlLoss.Form.MAX_RESCALED && movesTheRescaling(xql, z, i)) {
        continue; // its value's dependence on m is held constant by design; see XqlRescalingTest
      }
      int row = i;
      double h = 1e-4;
      FiniteDifference.check(loss + " d/dprediction[" + i + "]", r.dPrediction()[i],
          x -> loss.evaluate(LossBatch.point(replaced(q, row, x), y), false).value()[row], q[i], h);
      FiniteDifference.check(loss + " d/dtarget[" + i + "]", r.dTarget()[i],
          x -> loss.evaluate(LossBatch.point(q, replaced(y, row, x)), false).value()[row], y[i], h);
    }
  }

  /** Whether moving sample i moves m = max(max clamp(z), -1), i.e. it is the unclamped maximum above -1. */
  private static boolean movesTheRescaling(XqlLoss xql, double[] diff, int i) {
    double zi = diff[i] / xql.beta();
    if (zi <= -1 || zi >= xql.maxClip()) {
      return false;
    }
    for (int j = 0; j < diff.length; j++) {
      if (j != i && Math.min(diff[j] / xql.beta(), xql.maxClip()) > zi + MARGIN) {
        return false; // another sample is the maximum
      }
    }
    return true; // the maximum, or too close to it to tell under a finite-difference step
  }

  private static double[] replaced(double[] a, int i, double x) {
    double[] c = a.clone();
    c[i] = x;
    return c;
  }
}
