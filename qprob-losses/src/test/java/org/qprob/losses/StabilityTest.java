package org.qprob.losses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * No NaN or infinity in any value or gradient over the ranges training visits: log-scales in [-4, 8] (so
 * {@code d = exp(nu_p - nu_q)} up to {@code e^12}), {@code |mu_q - mu_p| / beta} up to 1e3 on the clipped paths.
 */
class StabilityTest {
  private static final double[] LOG_SCALES = {-4, -3, -1, 0, 0.5, 2, 4, 6, 8};
  private static final double[] Z = {-1e3, -300, -30, -1, 0, 1, 11.999, 12, 12.001, 30, 300, 1e3};

  @Test
  void crossEntropyIsFiniteOverTheGrid() {
    for (GumbelCrossEntropy ce : new GumbelCrossEntropy[] {new GumbelCrossEntropy(ExponentClip.DEFAULT),
        new GumbelCrossEntropy(1)}) {
      for (double nuQ : LOG_SCALES) {
        for (double nuP : LOG_SCALES) {
          for (double z : Z) {
            double muP = 3;
            double muQ = muP + z * Math.exp(nuQ);
            double[] g = new double[4];
            double v = ce.valueAndGradient(muQ, nuQ, muP, nuP, g);
            String at = ce + " nu_q=" + nuQ + " nu_p=" + nuP + " z=" + z;
            assertThat(v).as(at).isFinite();
            assertThat(ce.value(muQ, nuQ, muP, nuP)).as(at).isFinite();
            for (double x : g) {
              assertThat(x).as(at).isFinite();
            }
          }
        }
      }
    }
  }

  @Test
  void terminalNllIsFiniteOverTheGrid() {
    TerminalNllLoss loss = new TerminalNllLoss();
    for (double nu : LOG_SCALES) {
      for (double z : Z) {
        double r = -2;
        double mu = r + z * Math.exp(nu);
        LossResult res = loss.evaluate(LossBatch.observed(new double[] {mu}, new double[] {nu}, new double[] {r}), true);
        assertFinite(res, "nu=" + nu + " z=" + z);
      }
    }
  }

  @Test
  void gumbelKlBatchesAreFiniteWithTargetGradients() {
    SplittableRandom random = new SplittableRandom(99);
    for (GumbelKlLoss.Objective objective : GumbelKlLoss.Objective.values()) {
      GumbelKlLoss loss = new GumbelKlLoss(objective, ExponentClip.DEFAULT);
      for (int k = 0; k < 200; k++) {
        int n = 64;
        int actions = 1 + random.nextInt(6);
        double[] mu = new double[n];
        double[] nu = new double[n];
        double[] reward = new double[n];
        boolean[] terminal = new boolean[n];
        double[] nextMu = new double[n * actions];
        double[] nextNu = new double[n];
        for (int i = 0; i < n; i++) {
          nu[i] = LOG_SCALES[random.nextInt(LOG_SCALES.length)];
          nextNu[i] = LOG_SCALES[random.nextInt(LOG_SCALES.length)];
          reward[i] = random.nextDouble(-10, 10);
          terminal[i] = random.nextInt(4) == 0;
          double nextBeta = Math.exp(nextNu[i]);
          for (int a = 0; a < actions; a++) {
            nextMu[i * actions + a] = random.nextDouble(-1e3, 1e3) * nextBeta;
          }
          double target = terminal[i] ? reward[i]
              : GumbelBackup.location(nextMu, i * actions, actions, nextNu[i], reward[i], 0.99);
          mu[i] = target + Z[random.nextInt(Z.length)] * Math.exp(nu[i]);
        }
        LossResult r = loss.evaluate(LossBatch.gumbelBackup(mu, nu, reward, terminal, 0.99, actions, nextMu, nextNu),
            true);
        assertFinite(r, loss + " #" + k);
      }
    }
  }

  @Test
  void xqlClippedFormsAreFinite() {
    SplittableRandom random = new SplittableRandom(5);
    List<XqlLoss> losses = new ArrayList<>();
    for (double beta : new double[] {0.01, 1, 100}) {
      losses.add(new XqlLoss(beta, XqlLoss.Form.CLIPPED, XqlLoss.DEFAULT_MAX_CLIP));
      losses.add(new XqlLoss(beta, XqlLoss.Form.MAX_RESCALED, XqlLoss.DEFAULT_MAX_CLIP));
      losses.add(new XqlLoss(beta, XqlLoss.Form.MAX_RESCALED, 1e3));
    }
    for (XqlLoss loss : losses) {
      for (int k = 0; k < 50; k++) {
        int n = 64;
        double[] q = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
          q[i] = random.nextDouble(-10, 10);
          y[i] = q[i] + Z[random.nextInt(Z.length)] * loss.beta();
        }
        assertFinite(loss.evaluate(LossBatch.point(q, y), true), loss + " #" + k);
      }
    }
  }

  private static void assertFinite(LossResult r, String at) {
    for (double[] a : new double[][] {r.value(), r.dPrediction(), r.dPredictionLogScale(), r.dTarget(),
        r.dNextLocation(), r.dNextLogScale()}) {
      if (a != null) {
        for (double x : a) {
          assertThat(x).as(at).isFinite();
        }
      }
    }
  }
}
