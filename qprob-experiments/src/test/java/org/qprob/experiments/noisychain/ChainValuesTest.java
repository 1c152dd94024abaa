package org.qprob.experiments.noisychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.qprob.api.agent.ValuePredictor;
import org.qprob.api.dist.Distribution;
import org.qprob.api.dist.Gumbel;
import org.qprob.envs.chain.NoiseDistribution;
import org.qprob.envs.chain.NoisyChain;

/** Spearman's rho of beta against the noise on known orderings, and the value errors by hand. */
class ChainValuesTest {
  /** Noisy states 0-2 (sd 1), quiet 3-4 (sd 0.05); the return noise then falls strictly along the chain. */
  private static final ChainTruth TRUTH = ChainTruth.of(new NoisyChain(new double[] {1, 1, 1, 0.05, 0.05},
      NoiseDistribution.GAUSSIAN, 0.5, 0.9, false), 0.9);

  /** Gumbel(Q*(s, a) + offset(s) - EulerGamma beta(s), log beta(s)): its mean is Q* + offset. */
  private record Fake(IntToDoubleFunction beta, IntToDoubleFunction offset, boolean gumbel) implements ValuePredictor {
    @Override
    public double[] actionValues(float[] observation) {
      int s = (int) observation[0];
      return new double[] {TRUTH.trueQ()[s][0] + offset.applyAsDouble(s), TRUTH.trueQ()[s][1] + offset.applyAsDouble(s)};
    }

    @Override
    public boolean distributional() {
      return gumbel;
    }

    @Override
    public Distribution[] returnDistributions(float[] observation) {
      int s = (int) observation[0];
      double b = beta.applyAsDouble(s);
      double[] q = actionValues(observation);
      return new Distribution[] {Gumbel.ofScale(q[0] - Gumbel.EULER_GAMMA * b, b),
          Gumbel.ofScale(q[1] - Gumbel.EULER_GAMMA * b, b)};
    }
  }

  private static ChainValues measure(IntToDoubleFunction beta, IntToDoubleFunction offset, boolean gumbel) {
    return ChainValues.measure(new Fake(beta, offset, gumbel), TRUTH);
  }

  @Test
  void rankCorrelationsOnKnownOrderings() {
    // beta falling along the chain: ranks 5..1 against the reward noise's tied ranks (4, 4, 4, 1.5, 1.5):
    // rho = 7.5 / sqrt(10 * 7.5) = sqrt(3) / 2; against the strictly falling return noise: 1
    ChainValues falling = measure(s -> 5 - s, s -> 0, true);
    assertThat(falling.gumbel()).isTrue();
    assertThat(falling.betaVsRewardNoise()).isCloseTo(Math.sqrt(3) / 2, within(1e-12));
    assertThat(falling.betaVsReturnNoise()).isCloseTo(1, within(1e-12));
    ChainValues rising = measure(s -> 1 + s, s -> 0, true);
    assertThat(rising.betaVsRewardNoise()).isCloseTo(-Math.sqrt(3) / 2, within(1e-12));
    assertThat(rising.betaVsReturnNoise()).isCloseTo(-1, within(1e-12));
    // only the ranks matter: any increasing transform of beta gives the same rho
    assertThat(measure(s -> Math.exp(5 - s), s -> 0, true).betaVsReturnNoise()).isCloseTo(1, within(1e-12));
    // a constant beta says nothing
    assertThat(measure(s -> 0.7, s -> 0, true).betaVsRewardNoise()).isNaN();
    assertThat(ChainValues.spearman(new double[] {1, 2, 3}, new double[] {3, 1, 2})).isCloseTo(-0.5, within(1e-12));
  }

  @Test
  void valueErrorsOnQuietAndNoisyStates() {
    // Q = Q* + 0.3 on the noisy states 0-2, Q* - 0.1 on the quiet ones
    ChainValues v = measure(s -> 0.2 + s, s -> s < 3 ? 0.3 : -0.1, true);
    assertThat(v.valueError(true)).isCloseTo(0.3, within(1e-12));
    assertThat(v.valueError(false)).isCloseTo(0.1, within(1e-12));
    // mu = Q - EulerGamma beta: |Q* + 0.3 - 0.5772 (0.2 + s) - Q*| averaged over s = 0, 1, 2 and both actions
    double noisy = (Math.abs(0.3 - Gumbel.EULER_GAMMA * 0.2) + Math.abs(0.3 - Gumbel.EULER_GAMMA * 1.2)
        + Math.abs(0.3 - Gumbel.EULER_GAMMA * 2.2)) / 3;
    assertThat(v.locationError(true)).isCloseTo(noisy, within(1e-12));
    assertThat(v.beta()).containsExactly(new double[] {0.2, 1.2, 2.2, 3.2, 4.2}, within(1e-12));
  }

  @Test
  void aPointAgentHasNoBetaNorLocation() {
    ChainValues v = measure(s -> 1, s -> 0.05, false);
    assertThat(v.gumbel()).isFalse();
    assertThat(v.betaVsRewardNoise()).isNaN();
    assertThat(v.betaVsReturnNoise()).isNaN();
    assertThat(v.locationError(true)).isNaN();
    assertThat(v.valueError(true)).isCloseTo(0.05, within(1e-12));
    assertThat(v.valueError(false)).isCloseTo(0.05, within(1e-12));
  }
}
