package org.qprob.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.qprob.losses.ReferenceFile.number;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plain gradient descent on one scalar prediction {@code h} against each reference sample set, driven only by the
 * loss's own gradients, converges to the reference minimiser (the soft maximum) for the plain and the max-rescaled
 * forms (clamped on the upper side, the default); clamping both sides instead stops short of it, above, whenever a
 * sample lies more than {@code max_clip * beta} below the minimiser. Holds for any sample set of the reference format.
 *
 * <p>Descent starts at the largest sample, so every {@code z = (x - h) / beta} starts at or below 0 and rises, as h falls
 * toward the soft maximum {@code h* >= max(x) - beta log n}, to at most {@code log n}: the upper clamp never binds on
 * the way when {@code log n < max_clip} (otherwise the test uses no clamp).
 */
class GumbelRegressionDescentTest {
  static List<Named<JsonNode>> cases() {
    return ReferenceFile.cases("gumbel_regression", c -> String.format("beta=%.4g", c.get("beta").asDouble()));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void descentReachesTheMinimiser(JsonNode c) {
    double beta = number(c, "beta");
    double[] samples = ReferenceFile.doubles(c.get("samples"));
    double expected = number(c, "minimiser");
    double clip = Math.log(samples.length) < XqlLoss.DEFAULT_MAX_CLIP ? XqlLoss.DEFAULT_MAX_CLIP
        : Double.POSITIVE_INFINITY;
    for (XqlLoss loss : new XqlLoss[] {
        new XqlLoss(beta, XqlLoss.Form.PLAIN, Double.POSITIVE_INFINITY),
        new XqlLoss(beta, XqlLoss.Form.MAX_RESCALED, clip, XqlLoss.ClipSide.UPPER)}) {
      assertThat(descend(loss, samples)).as("%s", loss).isCloseTo(expected, within(1e-6));
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void clampingBothSidesStopsAboveTheMinimiserWhenASampleLiesFarBelow(JsonNode c) {
    double beta = number(c, "beta");
    double[] samples = ReferenceFile.doubles(c.get("samples"));
    double expected = number(c, "minimiser");
    double clip = XqlLoss.DEFAULT_MAX_CLIP;
    boolean farBelow = Arrays.stream(samples).anyMatch(x -> (x - expected) / beta < -clip - 1e-3);
    assumeTrue(Math.log(samples.length) < clip, "the upper clamp would bind");
    double h = descend(new XqlLoss(beta, XqlLoss.Form.MAX_RESCALED, clip, XqlLoss.ClipSide.BOTH), samples);
    if (farBelow) {
      assertThat(h).as("biased upward").isGreaterThan(expected + 1e-6);
    } else {
      assertThat(h).isCloseTo(expected, within(1e-6));
    }
  }

  /** Gradient descent from the largest sample until the step is below 1e-13 (at most 200,000 steps). */
  private static double descend(XqlLoss loss, double[] samples) {
    double beta = loss.beta();
    double h = Arrays.stream(samples).max().orElseThrow();
    double rate = 0.5 * beta * beta; // the loss's curvature at the minimiser is 1 / beta^2
    double[] prediction = new double[samples.length];
    for (int step = 0; step < 200_000; step++) {
      Arrays.fill(prediction, h);
      LossResult r = loss.evaluate(LossBatch.point(prediction, samples), false);
      double gradient = Arrays.stream(r.dPrediction()).average().orElseThrow();
      h -= rate * gradient;
      if (Math.abs(rate * gradient) < 1e-13) {
        break;
      }
    }
    return h;
  }
}
