package org.qprob.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qprob.api.dist.Gumbel;
import org.qprob.api.loss.Loss;

/** Hand-checkable values of every loss, one named case per row. */
class NamedCasesTest {
  private static final double E = Math.E;
  private static final double EG = Gumbel.EULER_GAMMA;

  /** loss, prediction, target, expected value, expected d/dprediction, expected d/dtarget. */
  static Stream<Arguments> pointCases() {
    XqlLoss plain = new XqlLoss(1, XqlLoss.Form.PLAIN, Double.POSITIVE_INFINITY);
    XqlLoss plain2 = new XqlLoss(2, XqlLoss.Form.PLAIN, Double.POSITIVE_INFINITY);
    XqlLoss clipped = new XqlLoss(1, XqlLoss.Form.CLIPPED, 7, XqlLoss.ClipSide.BOTH);
    XqlLoss upper = new XqlLoss(1, XqlLoss.Form.CLIPPED, 7, XqlLoss.ClipSide.UPPER);
    XqlLoss rescaled = new XqlLoss(1, XqlLoss.Form.MAX_RESCALED, 7);
    return Stream.of(
        arguments(named("l2: 3 vs 1 is 4", new L2Loss()), 3.0, 1.0, 4.0, 4.0, -4.0),
        arguments(named("l2: 1 vs 3 is 4", new L2Loss()), 1.0, 3.0, 4.0, -4.0, 4.0),
        arguments(named("l2: equal is 0", new L2Loss()), 2.5, 2.5, 0.0, 0.0, -0.0),
        arguments(named("huber(1): |x| = 0.5 is quadratic, 0.125", new HuberLoss(1)), 1.5, 1.0, 0.125, 0.5, -0.5),
        arguments(named("huber(1): x = 3 is linear, 2.5", new HuberLoss(1)), 4.0, 1.0, 2.5, 1.0, -1.0),
        arguments(named("huber(1): x = -3 is linear, 2.5", new HuberLoss(1)), -2.0, 1.0, 2.5, -1.0, 1.0),
        arguments(named("huber(1): x = delta is 0.5", new HuberLoss(1)), 2.0, 1.0, 0.5, 1.0, -1.0),
        arguments(named("huber(2): x = 3 is 2 * (3 - 1) = 4", new HuberLoss(2)), 3.0, 0.0, 4.0, 2.0, -2.0),
        arguments(named("huber(2): x = 1 is 0.5", new HuberLoss(2)), 1.0, 0.0, 0.5, 1.0, -1.0),
        arguments(named("xql plain: z = 0 is 0", plain), 1.7, 1.7, 0.0, -0.0, 0.0),
        arguments(named("xql clipped: z = 0 is 0", clipped), -3.0, -3.0, 0.0, -0.0, 0.0),
        arguments(named("xql max-rescaled: z = 0 is 0", rescaled), 0.0, 0.0, 0.0, -0.0, 0.0),
        arguments(named("xql plain: z = 1 is e - 2", plain), 0.0, 1.0, E - 2, -(E - 1), E - 1),
        arguments(named("xql plain beta 2: y - q = 2 is e - 2", plain2), 0.0, 2.0, E - 2, -(E - 1) / 2, (E - 1) / 2),
        arguments(named("xql plain: z = -1 is 1/e", plain), 1.0, 0.0, 1 / E, 1 - 1 / E, -(1 - 1 / E)),
        arguments(named("xql clipped(7): z = 10 is e^7 - 8, flat", clipped), 0.0, 10.0, Math.exp(7) - 8, 0.0, 0.0),
        arguments(named("xql clipped(7): z = -10 is e^-7 + 6, flat", clipped), 10.0, 0.0, Math.exp(-7) + 6, 0.0, 0.0),
        arguments(named("xql clipped(7) upper: z = 10 is e^7 - 8, flat", upper), 0.0, 10.0, Math.exp(7) - 8, 0.0, 0.0),
        arguments(named("xql clipped(7) upper: z = -10 is e^-10 + 9, not flat", upper), 10.0, 0.0,
            Math.exp(-10) + 9, 1 - Math.exp(-10), -(1 - Math.exp(-10))),
        arguments(named("xql clipped(7): z = 7 (on the clip) is e^7 - 8, not flat", clipped), 0.0, 7.0,
            Math.exp(7) - 8, -(Math.exp(7) - 1), Math.exp(7) - 1),
        arguments(named("xql max-rescaled: alone at z = 2, m = 2: 1 - 3/e^2", rescaled), 0.0, 2.0,
            1 - 3 / (E * E), -(1 - 1 / (E * E)), 1 - 1 / (E * E)),
        arguments(named("xql max-rescaled: alone at z = -3, m = -1: e^-2 + 2e", rescaled), 3.0, 0.0,
            Math.exp(-2) + 2 * E, -(Math.exp(-2) - E), Math.exp(-2) - E),
        arguments(named("xql max-rescaled(7): alone at z = 9, m = 7: 1 - 8/e^7, flat", rescaled), 0.0, 9.0,
            1 - 8 * Math.exp(-7), 0.0, 0.0));
  }

  @ParameterizedTest
  @MethodSource("pointCases")
  void pointLoss(DirectLoss loss, double prediction, double target, double value, double dPrediction, double dTarget) {
    LossResult r = loss.evaluate(LossBatch.point(new double[] {prediction}, new double[] {target}), true);
    assertThat(r.value()[0]).as("value").isCloseTo(value, within(1e-12 * Math.max(1, Math.abs(value))));
    assertThat(r.dPrediction()[0]).as("d/dprediction").isCloseTo(dPrediction, within(1e-12 * Math.max(1, Math.abs(dPrediction))));
    assertThat(r.dTarget()[0]).as("d/dtarget").isCloseTo(dTarget, within(1e-12 * Math.max(1, Math.abs(dTarget))));
    assertThat(r.dPredictionLogScale()).isNull();
    assertThat(r.dNextLocation()).isNull();
  }

  /** mu, nu, r: terminal-nll equals -Gumbel.logDensity(r), with and without the clip (z below it). */
  static Stream<Arguments> nllCases() {
    return Stream.of(
        arguments(named("at the location, nu = 0: 1", new double[] {2, 0, 2}), 1.0),
        arguments(named("at the location, nu = 1: 1 + 1", new double[] {-1, 1, -1}), 2.0),
        arguments(named("z = 1, nu = 0: -1 + e", new double[] {1, 0, 0}), E - 1),
        arguments(named("z = -2, nu = ln 2: ln 2 + 2 + e^-2", new double[] {0, Math.log(2), 4}),
            Math.log(2) + 2 + Math.exp(-2)),
        arguments(named("z = 11.5 below the clip", new double[] {11.5, 0, 0}), -11.5 + Math.exp(11.5)));
  }

  @ParameterizedTest
  @MethodSource("nllCases")
  void terminalNll(double[] c, double expected) {
    LossBatch batch = LossBatch.observed(new double[] {c[0]}, new double[] {c[1]}, new double[] {c[2]});
    double minusLogDensity = -new Gumbel(c[0], c[1]).logDensity(c[2]);
    for (double clip : new double[] {ExponentClip.DEFAULT, Double.POSITIVE_INFINITY}) {
      double v = new TerminalNllLoss(clip).evaluate(batch, false).value()[0];
      assertThat(v).isCloseTo(expected, within(1e-12 * Math.max(1, expected)));
      assertThat(v).isCloseTo(minusLogDensity, within(1e-12 * Math.max(1, expected)));
    }
  }

  /** mu_q, nu_q, mu_p, nu_p with p = q: cross-entropy H(p), KL 0, and a zero gradient w.r.t. q. */
  static Stream<Arguments> identicalGumbels() {
    return Stream.of(
        arguments(named("standard Gumbel", new double[] {0, 0})),
        arguments(named("mu 3, nu -1", new double[] {3, -1})),
        arguments(named("mu -2, nu 2", new double[] {-2, 2})),
        arguments(named("mu 100, nu 0.5", new double[] {100, 0.5})));
  }

  @ParameterizedTest
  @MethodSource("identicalGumbels")
  void gumbelKlOfAGumbelWithItself(double[] c) {
    double[] g = new double[4];
    double value = new GumbelCrossEntropy(ExponentClip.DEFAULT).valueAndGradient(c[0], c[1], c[0], c[1], g);
    assertThat(value).isCloseTo(c[1] + EG + 1, within(1e-13 * Math.max(1, Math.abs(value))));
    assertThat(g[GumbelCrossEntropy.MU_Q]).isCloseTo(0, within(1e-14));
    assertThat(g[GumbelCrossEntropy.NU_Q]).isCloseTo(0, within(1e-14));
    assertThat(g[GumbelCrossEntropy.NU_P]).isCloseTo(1, within(1e-14)); // dH(p)/dnu_p
    // the same through the loss: one action, gamma 1, reward 0 makes p = Gumbel(next location, next log-scale)
    LossBatch batch = LossBatch.gumbelBackup(new double[] {c[0]}, new double[] {c[1]}, new double[] {0},
        new boolean[] {false}, 1.0, 1, new double[] {c[0]}, new double[] {c[1]});
    LossResult kl = new GumbelKlLoss(GumbelKlLoss.Objective.KL, ExponentClip.DEFAULT).evaluate(batch, true);
    assertThat(kl.value()[0]).isCloseTo(0, within(1e-13 * Math.max(1, Math.abs(c[0]))));
    assertThat(kl.dNextLogScale()[0]).isCloseTo(0, within(1e-14));
  }

  @org.junit.jupiter.api.Test
  void gumbelKlHandWorkedBackup() {
    // two next actions with locations 0 and 0, nu' = 0: max is Gumbel(ln 2, 0); r = 1, gamma = 1/2:
    // p = Gumbel(1 + ln(2)/2, -ln 2). Scored against q = p: cross-entropy = H(p) = -ln 2 + EulerGamma + 1.
    double muP = 1 + Math.log(2) / 2;
    LossBatch batch = LossBatch.gumbelBackup(new double[] {muP}, new double[] {-Math.log(2)}, new double[] {1},
        new boolean[] {false}, 0.5, 2, new double[] {0, 0}, new double[] {0});
    LossResult r = new GumbelKlLoss().evaluate(batch, true);
    assertThat(r.value()[0]).isCloseTo(-Math.log(2) + EG + 1, within(1e-14));
    // dL/dmu_p = 0 at p = q, so the next locations get no gradient; dL/dnu_p = 1 flows to nu'.
    assertThat(r.dNextLocation()[0]).isCloseTo(0, within(1e-14));
    assertThat(r.dNextLocation()[1]).isCloseTo(0, within(1e-14));
    assertThat(r.dNextLogScale()[0]).isCloseTo(1, within(1e-14));
  }
}
