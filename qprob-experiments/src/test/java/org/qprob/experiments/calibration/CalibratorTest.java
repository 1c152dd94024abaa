package org.qprob.experiments.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qprob.agents.training.Episode;
import org.qprob.agents.training.EpisodeRecorder;
import org.qprob.api.Options;
import org.qprob.api.PluginRegistry;
import org.qprob.api.agent.ValuePredictor;
import org.qprob.api.dist.Distribution;
import org.qprob.api.dist.Gumbel;
import org.qprob.api.dist.Normal;
import org.qprob.api.env.EnvironmentProvider;

/**
 * The calibrator pairs each step of a terminated evaluation episode with its realised discounted return, leaves
 * truncated episodes out, and fits the Gaussian's spread on the recent training episodes only.
 */
class CalibratorTest {
  private static final double GAMMA = 0.9;

  /** Predicts Gumbel(mu = s + a, nu = -1 + 0.1 s) for state s, or point values s + a. */
  private record FakePredictor(boolean gumbel) implements ValuePredictor {
    @Override
    public double[] actionValues(float[] observation) {
      double s = observation[0];
      double shift = gumbel ? Gumbel.EULER_GAMMA * Math.exp(-1 + 0.1 * s) : 0;
      return new double[] {s + shift, s + 1 + shift};
    }

    @Override
    public boolean distributional() {
      return gumbel;
    }

    @Override
    public Distribution[] returnDistributions(float[] observation) {
      double s = observation[0];
      return new Distribution[] {CalibratorTest.gumbel(s, 0), CalibratorTest.gumbel(s, 1)};
    }
  }

  /** What the fake predicts for (s, a). */
  private static Gumbel gumbel(double s, int a) {
    return new Gumbel(s + a, -1 + 0.1 * s);
  }

  private static Episode episode(boolean terminated, double[] rewards, int... states) {
    List<float[]> obs = new ArrayList<>();
    int[] actions = new int[states.length];
    for (int t = 0; t < states.length; t++) {
      obs.add(new float[] {states[t]});
      actions[t] = t % 2;
    }
    return new Episode(obs, actions, rewards, terminated);
  }

  private static Calibrator calibrator(boolean gumbel) {
    EnvironmentProvider p = PluginRegistry.load(EnvironmentProvider.class, "environment", EnvironmentProvider::id)
        .get("NoisyChain-v0");
    return new Calibrator(new FakePredictor(gumbel), GAMMA, new EpisodeRecorder(p.create(Options.none("e")), 50),
        new EpisodeRecorder(p.create(new Options("e", Map.of())), 10));
  }

  @Test
  void pairsEveryStepOfTheTerminatedEpisodesWithItsReturn() {
    Episode a = episode(true, new double[] {1, 2, 3}, 0, 1, 2);
    Episode b = episode(true, new double[] {0.5}, 4);
    Episode cut = episode(false, new double[] {7, 7}, 3, 4);
    Episode training = episode(true, new double[] {1, 1}, 2, 3);
    List<CalibrationRow> rows = calibrator(true).rows(500, List.of(a, cut, b), List.of(training));
    assertThat(rows).extracting(CalibrationRow::model).containsExactly("gumbel", "gaussian");

    // the pairs by hand: (s, a) -> Gumbel(s + a, -1 + 0.1 s), G with gamma 0.9
    double[] g = {1 + 0.9 * 2 + 0.81 * 3, 2 + 0.9 * 3, 3, 0.5};
    Distribution[] d = {gumbel(0, 0), gumbel(1, 1), gumbel(2, 0), gumbel(4, 0)};
    CalibrationRow own = rows.get(0);
    assertThat(own.envSteps()).isEqualTo(500);
    assertThat(own.censored()).isEqualTo(2);
    assertThat(own.fitSteps()).isZero();
    assertThat(own.metrics()).isEqualTo(CalibrationMetrics.of(d, g));

    // Gaussian: sigma from the training episode alone: Q = s + a + EulerGamma beta(s), G = (1.9, 1)
    double q0 = 2 + Gumbel.EULER_GAMMA * Math.exp(-1 + 0.1 * 2);
    double q1 = 4 + Gumbel.EULER_GAMMA * Math.exp(-1 + 0.1 * 3);
    double sigma = Math.sqrt(((1.9 - q0) * (1.9 - q0) + (1 - q1) * (1 - q1)) / 2);
    CalibrationRow gaussian = rows.get(1);
    assertThat(gaussian.fitSteps()).isEqualTo(2);
    assertThat(gaussian.metrics().sd()).isCloseTo(sigma, within(1e-12));
    Distribution[] normals = new Distribution[4];
    for (int i = 0; i < 4; i++) {
      normals[i] = new Normal(d[i].mean(), sigma);
    }
    CalibrationMetrics expected = CalibrationMetrics.of(normals, g);
    assertThat(gaussian.metrics().nll()).isCloseTo(expected.nll(), within(1e-12));
    assertThat(gaussian.metrics().pit()).containsExactly(expected.pit());
    assertThat(gaussian.metrics().cover50()).isEqualTo(expected.cover50());
  }

  @Test
  void aPointAgentGetsOnlyTheGaussianAndNoTrainingDataGivesNaN() {
    Episode a = episode(true, new double[] {1, 2}, 0, 1);
    List<CalibrationRow> rows = calibrator(false).rows(10, List.of(a), List.of());
    assertThat(rows).singleElement().satisfies(r -> {
      assertThat(r.model()).isEqualTo("gaussian");
      assertThat(r.metrics().n()).isEqualTo(2);
      assertThat(r.fitSteps()).isZero();
      assertThat(r.metrics().nll()).isNaN();
    });
    // only truncated training episodes: still nothing to fit on
    assertThat(calibrator(false).rows(10, List.of(a), List.of(episode(false, new double[] {1}, 0))).get(0).metrics()
        .nll()).isNaN();
  }

  @Test
  void theSpreadIsFittedOnTheLastFiftyTrainingEpisodes() {
    SplittableRandom random = new SplittableRandom(3);
    List<Episode> training = new ArrayList<>();
    for (int k = 0; k < 80; k++) {
      // the first 30 are far off (error 100), the last 50 exact: only the last 50 count
      double r = k < 30 ? 100 : 1;
      training.add(episode(true, new double[] {r}, 1));
    }
    Episode eval = episode(true, new double[] {random.nextDouble()}, 1);
    CalibrationRow row = calibrator(false).rows(1, List.of(eval), training).get(0);
    assertThat(row.fitSteps()).isEqualTo(Calibrator.FIT_EPISODES);
    assertThat(row.metrics().sd()).isEqualTo(GaussianSpread.MIN_SIGMA);
  }

  @Test
  void aRowSurvivesTheCsvRoundTrip() {
    Episode a = episode(true, new double[] {1, 2, 3}, 0, 1, 2);
    for (CalibrationRow r : calibrator(true).rows(42, List.of(a), List.of(a))) {
      assertThat(CalibrationRow.parse(r.fields())).isEqualTo(r);
      assertThat(r.fields()).hasSameSizeAs(CalibrationRow.COLUMNS);
    }
  }
}
