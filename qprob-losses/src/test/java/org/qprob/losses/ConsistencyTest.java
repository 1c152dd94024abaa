package org.qprob.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qprob.api.dist.Gumbel;

/** The losses agree with the distribution package: cross-entropy = Gumbel.kl + entropy, backup = max then affine. */
class ConsistencyTest {
  @Test
  void crossEntropyIsKlPlusEntropy() {
    SplittableRandom random = new SplittableRandom(17);
    GumbelCrossEntropy exact = new GumbelCrossEntropy(Double.POSITIVE_INFINITY);
    for (int k = 0; k < 2000; k++) {
      Gumbel p = new Gumbel(random.nextDouble(-20, 20), random.nextDouble(-4, 4));
      Gumbel q = new Gumbel(p.mu() + random.nextDouble(-5, 5) * q0(random), random.nextDouble(-4, 4));
      double expected = p.kl(q) + p.entropy();
      assertThat(exact.value(q.mu(), q.nu(), p.mu(), p.nu()))
          .as("p=%s q=%s", p, q).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
    }
  }

  private static double q0(SplittableRandom random) {
    return Math.exp(random.nextDouble(-2, 2));
  }

  @Test
  void gumbelKlLossMatchesTheDistributionPackage() {
    SplittableRandom random = new SplittableRandom(23);
    for (int k = 0; k < 500; k++) {
      int actions = 1 + random.nextInt(5);
      double[] nextMu = new double[actions];
      for (int a = 0; a < actions; a++) {
        nextMu[a] = random.nextDouble(-5, 5);
      }
      double nextNu = random.nextDouble(-2, 2);
      double reward = random.nextDouble(-1, 1);
      double gamma = random.nextDouble(0.5, 1);
      Gumbel p = Gumbel.max(nextMu, nextNu).affine(reward, gamma);
      Gumbel backup = GumbelBackup.target(nextMu, nextNu, reward, gamma);
      assertThat(backup.mu()).isCloseTo(p.mu(), within(1e-13 * Math.max(1, Math.abs(p.mu()))));
      assertThat(backup.nu()).isCloseTo(p.nu(), within(1e-14));
      Gumbel q = new Gumbel(p.mu() + random.nextDouble(-2, 2), random.nextDouble(-2, 2));
      LossBatch batch = LossBatch.gumbelBackup(new double[] {q.mu()}, new double[] {q.nu()}, new double[] {reward},
          new boolean[] {false}, gamma, actions, nextMu, new double[] {nextNu});
      LossResult kl = new GumbelKlLoss(GumbelKlLoss.Objective.KL, Double.POSITIVE_INFINITY).evaluate(batch, false);
      LossResult ce = new GumbelKlLoss(GumbelKlLoss.Objective.CROSS_ENTROPY, Double.POSITIVE_INFINITY)
          .evaluate(batch, false);
      double expectedKl = p.kl(q);
      assertThat(kl.value()[0]).isCloseTo(expectedKl, within(1e-11 * Math.max(1, expectedKl)));
      assertThat(ce.value()[0]).isCloseTo(expectedKl + p.entropy(),
          within(1e-11 * Math.max(1, Math.abs(expectedKl + p.entropy()))));
      assertThat(kl.dPrediction()[0]).isEqualTo(ce.dPrediction()[0]);
      assertThat(kl.dPredictionLogScale()[0]).isEqualTo(ce.dPredictionLogScale()[0]);
    }
  }

  @Test
  void terminalNllIsMinusTheLogDensity() {
    SplittableRandom random = new SplittableRandom(29);
    TerminalNllLoss exact = new TerminalNllLoss(Double.POSITIVE_INFINITY);
    for (int k = 0; k < 1000; k++) {
      Gumbel q = new Gumbel(random.nextDouble(-10, 10), random.nextDouble(-4, 4));
      double r = q.quantile(random.nextDouble(1e-6, 1 - 1e-6));
      double expected = -q.logDensity(r);
      double v = exact.evaluate(LossBatch.observed(new double[] {q.mu()}, new double[] {q.nu()}, new double[] {r}),
          false).value()[0];
      assertThat(v).isCloseTo(expected, within(1e-12 * Math.max(1, Math.abs(expected))));
    }
  }
}
