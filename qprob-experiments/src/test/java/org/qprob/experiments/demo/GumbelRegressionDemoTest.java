package org.qprob.experiments.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qprob.api.Options;
import org.qprob.api.loss.Loss;
import org.qprob.experiments.guice.Plugins;

class GumbelRegressionDemoTest {
  private static final Plugins PLUGINS = Plugins.load();

  private static Loss xql(double beta) {
    return PLUGINS.losses().get("xql").create(new Options("loss xql", Map.of("beta", beta, "form", "plain")));
  }

  @ParameterizedTest
  @CsvSource({"0.0, 1.0, 1", "3.0, 0.5, 2", "-2.0, 2.0, 3", "10.0, 1.5, 4"})
  void gumbelRegressionFindsTheSoftMaximumAndL2TheMean(double mean, double std, long seed) {
    GumbelRegressionDemo demo = new GumbelRegressionDemo(mean, std, 4000, seed, 5000);
    double[] betas = {0.5, 1, 2, 5, 10};
    Loss l2 = PLUGINS.losses().get("l2").create(Options.none("loss l2"));
    List<GumbelRegressionDemo.Row> rows = demo.run(betas, GumbelRegressionDemoTest::xql, l2);
    double[] x = demo.draw();
    double sampleMean = java.util.Arrays.stream(x).average().orElseThrow();
    for (GumbelRegressionDemo.Row r : rows) {
      // the soft maximum of the samples, computed independently of the demo
      double sum = 0;
      for (double v : x) {
        sum += Math.exp(v / r.beta() - mean / r.beta());
      }
      double softMax = mean + r.beta() * Math.log(sum / x.length);
      assertThat(r.sampleSoftMax()).isCloseTo(softMax, within(1e-9 * Math.max(1, Math.abs(softMax))));
      assertThat(r.gumbelFit()).as("beta %s", r.beta()).isCloseTo(softMax, within(1e-8 * Math.max(1, Math.abs(softMax))));
      assertThat(r.l2Fit()).isCloseTo(sampleMean, within(1e-9 * Math.max(1, Math.abs(sampleMean))));
      assertThat(r.exactSoftMax()).isEqualTo(mean + std * std / (2 * r.beta()));
      // with 4000 samples the sample soft maximum is near the distribution's when beta is not small against std
      if (r.beta() >= 2 * std) {
        assertThat(r.gumbelFit()).isCloseTo(r.exactSoftMax(), within(0.1 * std));
      }
      assertThat(r.gumbelFit()).as("the soft maximum lies above the mean").isGreaterThan(r.l2Fit());
    }
    // smaller beta, harder maximum
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i).gumbelFit()).isLessThan(rows.get(i - 1).gumbelFit());
    }
  }
}
