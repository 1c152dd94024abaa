package org.qprob.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qprob.losses.ReferenceFile.number;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qprob.api.loss.LossBatch;
import org.qprob.api.loss.LossResult;

/**
 * Plain gradient descent on one scalar prediction {@code h} against each reference sample set, driven only by the
 * loss's own gradients, converges to the reference minimiser (the soft maximum) for the plain and the max-rescaled
 * forms.
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
    for (XqlLoss loss : new XqlLoss[] {
        new XqlLoss(beta, XqlLoss.Form.PLAIN, Double.POSITIVE_INFINITY),
        new XqlLoss(beta, XqlLoss.Form.MAX_RESCALED, XqlLoss.DEFAULT_MAX_CLIP)}) {
      double h = Arrays.stream(samples).average().orElseThrow();
      double rate = 0.5 * beta * beta; // the loss's curvature at the minimiser is 1 / beta^2
      double[] prediction = new double[samples.length];
      for (int step = 0; step < 20_000; step++) {
        Arrays.fill(prediction, h);
        LossResult r = loss.evaluate(LossBatch.point(prediction, samples), false);
        double gradient = Arrays.stream(r.dPrediction()).average().orElseThrow();
        h -= rate * gradient;
        if (Math.abs(rate * gradient) < 1e-13) {
          break;
        }
      }
      for (double x : samples) {
        assertThat(Math.abs((x - h) / beta)).as("no sample is clamped at the end").isLessThan(XqlLoss.DEFAULT_MAX_CLIP);
      }
      assertThat(h).as("%s", loss).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-6));
    }
  }
}
