package org.qprob.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The max-rescaled form is the clipped form times {@code exp(-m)}, {@code m = max(max clamped z, -1)} over the batch,
 * in value and in gradient (m held constant), for every sample including the one that sets m.
 */
class XqlRescalingTest {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void rescaledIsClippedTimesExpMinusM(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double beta = random.nextDouble(0.2, 3);
    double maxClip = seed % 4 == 0 ? Double.POSITIVE_INFINITY : random.nextDouble(0.5, 8);
    XqlLoss.ClipSide side = seed % 2 == 0 ? XqlLoss.ClipSide.UPPER : XqlLoss.ClipSide.BOTH;
    int n = 1 + random.nextInt(64);
    double spread = seed % 3 == 0 ? 0.5 : 6; // small spreads give batches whose maximum is floored at -1
    double offset = seed % 3 == 0 ? -3 : 0;
    double[] q = new double[n];
    double[] y = new double[n];
    double m = -1;
    for (int i = 0; i < n; i++) {
      q[i] = random.nextDouble(-5, 5);
      y[i] = q[i] + beta * (offset + random.nextDouble(-spread, spread));
      double z = (y[i] - q[i]) / beta;
      m = Math.max(m, Math.min(side == XqlLoss.ClipSide.BOTH ? Math.max(z, -maxClip) : z, maxClip));
    }
    LossBatch batch = LossBatch.point(q, y);
    XqlLoss rescaled = new XqlLoss(beta, XqlLoss.Form.MAX_RESCALED, maxClip, side);
    LossResult r = rescaled.evaluate(batch, true);
    LossResult c = maxClip == Double.POSITIVE_INFINITY
        ? new XqlLoss(beta, XqlLoss.Form.PLAIN, maxClip).evaluate(batch, true)
        : new XqlLoss(beta, XqlLoss.Form.CLIPPED, maxClip, side).evaluate(batch, true);
    double scale = Math.exp(-m);
    for (int i = 0; i < n; i++) {
      assertThat(r.value()[i]).isCloseTo(scale * c.value()[i], within(1e-12 * Math.max(1, scale * c.value()[i])));
      assertThat(r.dPrediction()[i]).isCloseTo(scale * c.dPrediction()[i],
          within(1e-12 * Math.max(1, Math.abs(scale * c.dPrediction()[i]))));
      assertThat(r.dTarget()[i]).isEqualTo(-r.dPrediction()[i]);
    }
  }
}
