package org.qprob.experiments.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qprob.agents.training.DiscountedReturns;
import org.qprob.agents.training.Episode;

/** Realised discounted returns and the Gaussian spread fit, on hand-computed cases. */
class ReturnsAndSpreadTest {
  @Test
  void discountedReturnsSumTheRestOfTheEpisode() {
    // gamma 0.5: G_2 = 4, G_1 = 2 + 0.5 * 4 = 4, G_0 = 1 + 0.5 * 4 = 3
    assertThat(DiscountedReturns.of(new double[] {1, 2, 4}, 0.5)).containsExactly(3, 4, 4);
    assertThat(DiscountedReturns.of(new double[] {1, 1, 1, 1}, 1.0)).containsExactly(4, 3, 2, 1);
    // CartPole-like: 500 rewards of 1 with gamma 0.99 from the start: (1 - 0.99^500) / 0.01
    double[] ones = new double[500];
    java.util.Arrays.fill(ones, 1);
    assertThat(DiscountedReturns.of(ones, 0.99)[0]).isCloseTo((1 - Math.pow(0.99, 500)) / 0.01, within(1e-9));
    assertThat(DiscountedReturns.of(new double[0], 0.9)).isEmpty();
    assertThatThrownBy(() -> DiscountedReturns.of(new double[1], 0)).hasMessageContaining("gamma = 0.0 is invalid");
  }

  @Test
  void anEpisodesReturnsUseItsRewards() {
    Episode e = new Episode(List.of(new float[] {0}, new float[] {1}), new int[] {1, 0}, new double[] {-1, 3}, true);
    assertThat(e.length()).isEqualTo(2);
    assertThat(e.returns(0.9)).containsExactly(-1 + 0.9 * 3, 3);
    assertThatThrownBy(() -> new Episode(List.of(new float[] {0}), new int[] {1, 0}, new double[] {1}, true))
        .hasMessageContaining("1 observations, 2 actions, 1 rewards");
  }

  @Test
  void theSpreadIsTheRootMeanSquareError() {
    // errors 1, 0, -2: sqrt(5 / 3)
    assertThat(GaussianSpread.fit(new double[] {1, 2, 7}, new double[] {2, 2, 5})).isCloseTo(Math.sqrt(5.0 / 3),
        within(1e-15));
    assertThat(GaussianSpread.fit(new double[] {1, 2}, new double[] {1, 2})).isEqualTo(GaussianSpread.MIN_SIGMA);
    assertThat(GaussianSpread.fit(new double[0], new double[0])).isNaN();
    assertThat(GaussianSpread.fit(new double[] {Double.NaN}, new double[] {1})).isNaN();
    assertThatThrownBy(() -> GaussianSpread.fit(new double[1], new double[0])).hasMessageContaining("1 predictions");
  }
}
