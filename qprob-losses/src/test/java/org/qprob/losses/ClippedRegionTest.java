package org.qprob.losses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qprob.api.dist.Gumbel;

/** Beyond a clip, the clipped factor's gradient is exactly zero and only the unclipped parts remain. */
class ClippedRegionTest {
  private final SplittableRandom random = new SplittableRandom(2024);

  @Test
  void crossEntropyAboveTheExponentClipKeepsOnlyTheLinearPartInMu() {
    for (double clip : new double[] {ExponentClip.DEFAULT, 1.0, 0.0}) {
      GumbelCrossEntropy ce = new GumbelCrossEntropy(clip);
      for (int k = 0; k < 200; k++) {
        double nuQ = random.nextDouble(-4, 8);
        double nuP = random.nextDouble(-4, 8);
        double z = clip + random.nextDouble(1e-3, 1e3);
        double muP = random.nextDouble(-10, 10);
        double muQ = muP + z * Math.exp(nuQ);
        double zActual = (muQ - muP) * Math.exp(-nuQ);
        double[] g = new double[4];
        double value = ce.valueAndGradient(muQ, nuQ, muP, nuP, g);
        assertThat(zActual).isGreaterThan(clip);
        assertThat(g[GumbelCrossEntropy.MU_Q]).isEqualTo(-Math.exp(-nuQ));
        assertThat(g[GumbelCrossEntropy.MU_P]).isEqualTo(Math.exp(-nuQ));
        // the value no longer depends on z through the exponential: moving mu_q changes only the -z term
        double moved = ce.value(muQ + Math.exp(nuQ), nuQ, muP, nuP);
        assertThat(moved - value).isCloseTo(-1, org.assertj.core.api.Assertions.within(1e-9 * Math.max(1, Math.abs(value))));
      }
    }
  }

  @Test
  void terminalNllAboveTheExponentClip() {
    for (double clip : new double[] {ExponentClip.DEFAULT, 1.0}) {
      TerminalNllLoss loss = new TerminalNllLoss(clip);
      for (int k = 0; k < 200; k++) {
        double nu = random.nextDouble(-4, 8);
        double r = random.nextDouble(-10, 10);
        double beta = Math.exp(nu);
        double mu = r + (clip + random.nextDouble(1e-3, 1e3)) * beta;
        double z = (mu - r) / beta;
        LossResult res = loss.evaluate(LossBatch.observed(new double[] {mu}, new double[] {nu}, new double[] {r}), true);
        assertThat(res.dPrediction()[0]).isEqualTo(-Math.exp(-nu));
        assertThat(res.dTarget()[0]).isEqualTo(Math.exp(-nu));
        assertThat(res.dPredictionLogScale()[0]).isCloseTo(1 + z, org.assertj.core.api.Assertions.within(1e-12 * z));
        assertThat(res.value()[0]).isCloseTo(nu - z + Math.exp(clip),
            org.assertj.core.api.Assertions.within(1e-12 * Math.max(1, Math.abs(nu - z + Math.exp(clip)))));
      }
    }
  }

  @Test
  void gumbelKlTerminalRowsAboveTheClipAndNoNextStateGradient() {
    GumbelKlLoss loss = new GumbelKlLoss();
    double nu = 0.3;
    double mu = 20 * Math.exp(nu);
    LossResult r = loss.evaluate(LossBatch.gumbelBackup(new double[] {mu}, new double[] {nu}, new double[] {0},
        new boolean[] {true}, 0.99, 3, new double[] {1, 2, 3}, new double[] {0.5}), true);
    assertThat(r.dPrediction()[0]).isEqualTo(-Math.exp(-nu));
    assertThat(r.dNextLocation()).containsExactly(0, 0, 0);
    assertThat(r.dNextLogScale()).containsExactly(0);
  }

  @Test
  void xqlClampedSamplesHaveExactlyZeroGradientAndTheOthersDoNot() {
    for (XqlLoss.ClipSide side : XqlLoss.ClipSide.values()) {
      for (XqlLoss.Form form : new XqlLoss.Form[] {XqlLoss.Form.CLIPPED, XqlLoss.Form.MAX_RESCALED}) {
        for (double maxClip : new double[] {XqlLoss.DEFAULT_MAX_CLIP, 1.5}) {
          for (double beta : new double[] {1, 0.05, 5}) {
            XqlLoss loss = new XqlLoss(beta, form, maxClip, side);
            int n = 16;
            double[] q = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
              double z = (maxClip + random.nextDouble(1e-3, 1e3)) * (i % 2 == 0 ? 1 : -1);
              q[i] = random.nextDouble(-5, 5);
              y[i] = q[i] + z * beta;
            }
            LossResult r = loss.evaluate(LossBatch.point(q, y), true);
            for (int i = 0; i < n; i++) {
              double z = (y[i] - q[i]) / beta;
              assertThat(Math.abs(z)).isGreaterThan(maxClip);
              assertThat(r.value()[i]).isFinite();
              if (z > 0 || side == XqlLoss.ClipSide.BOTH) {
                assertThat(r.dPrediction()[i]).as("%s d/dq[%d], z = %s", loss, i, z).isZero();
                assertThat(r.dTarget()[i]).as("%s d/dy[%d]", loss, i).isZero();
              } else {
                // below the prediction and not clamped: d/dq = -scale * expm1(z) / beta > 0, finite
                assertThat(r.dPrediction()[i]).as("%s d/dq[%d], z = %s", loss, i, z).isPositive().isFinite();
                assertThat(r.dTarget()[i]).isEqualTo(-r.dPrediction()[i]);
              }
            }
          }
        }
      }
    }
  }

  @Test
  void crossEntropyUnclippedMatchesTheClosedFormKlAcrossTheClip() {
    // below the clip, the clipped loss is the exact cross-entropy Gumbel.kl + entropy
    GumbelCrossEntropy ce = new GumbelCrossEntropy(ExponentClip.DEFAULT);
    Gumbel p = new Gumbel(0.4, 0.1);
    Gumbel q = new Gumbel(1.3, -0.2);
    assertThat(ce.value(q.mu(), q.nu(), p.mu(), p.nu()))
        .isCloseTo(p.kl(q) + p.entropy(), org.assertj.core.api.Assertions.within(1e-13));
  }
}
