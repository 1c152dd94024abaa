package org.qprob.experiments.noisychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qprob.api.env.StepResult;
import org.qprob.envs.chain.NoiseDistribution;
import org.qprob.envs.chain.NoisyChain;

/** The return noise of the optimal policy, by hand and against seeded Monte-Carlo returns of the chain itself. */
class ChainTruthTest {
  @Test
  void returnNoiseByHandWhereAdvancingIsOptimal() {
    NoisyChain chain = new NoisyChain(new double[] {1, 0.5, 0.1}, NoiseDistribution.GAUSSIAN, 0.5, 0.9, false);
    ChainTruth t = ChainTruth.of(chain, 0.9);
    // sd(2) = 0.1; sd(1)^2 = 0.25 + 0.81 * 0.01; sd(0)^2 = 1 + 0.81 * sd(1)^2
    double sd1 = Math.sqrt(0.25 + 0.81 * 0.01);
    assertThat(t.returnNoise()).containsExactly(new double[] {Math.sqrt(1 + 0.81 * sd1 * sd1), sd1, 0.1},
        within(1e-15));
    assertThat(t.rewardNoise()).containsExactly(1, 0.5, 0.1);
    // midpoint of 0.1 and 1 is 0.55
    assertThat(t.noisy()).containsExactly(true, false, false);
    assertThat(t.trueQ()[0]).containsExactly(0.5, 0.81);
    assertThat(t.gamma()).isEqualTo(0.9);
  }

  @Test
  void whereExitingIsOptimalTheReturnNoiseIsTheStatesOwn() {
    NoisyChain chain = new NoisyChain(new double[] {0.3, 0.2, 0.7}, NoiseDistribution.GAUSSIAN, 2.0, 0.9, false);
    ChainTruth t = ChainTruth.of(chain, 0.9);
    assertThat(t.returnNoise()).containsExactly(0.3, 0.2, 0.7);
    assertThat(t.noisy()).containsExactly(false, false, true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gaussian", "gumbel", "uniform"})
  void matchesMonteCarloReturnsOfTheOptimalPolicy(String noise) {
    double gamma = 0.95;
    NoisyChain chain = new NoisyChain(new double[] {1, 1, 0.05, 0.3, 0.05}, NoiseDistribution.named(noise), 0.5,
        gamma, false);
    ChainTruth t = ChainTruth.of(chain, gamma);
    int episodes = 40_000;
    for (int s = 0; s < t.states(); s++) {
      chain.reset(1000L + s);
      double sum = 0;
      double squares = 0;
      for (int k = 0; k < episodes; k++) {
        chain.resetTo(new double[] {s});
        double g = 0;
        double discount = 1;
        while (true) {
          int a = t.trueQ()[(int) chain.state()[0]][NoisyChain.ADVANCE]
              >= t.trueQ()[(int) chain.state()[0]][NoisyChain.EXIT] ? NoisyChain.ADVANCE : NoisyChain.EXIT;
          StepResult r = chain.step(a);
          g += discount * r.reward();
          discount *= gamma;
          if (r.done()) {
            break;
          }
        }
        sum += g;
        squares += g * g;
      }
      double mean = sum / episodes;
      double sd = Math.sqrt(squares / episodes - mean * mean);
      double v = Math.max(t.trueQ()[s][0], t.trueQ()[s][1]);
      // standard errors: sd / 200 for the mean, about sd / 280 for the sd (more for the skewed laws)
      assertThat(mean).as("V*(%d)", s).isCloseTo(v, within(5 * t.returnNoise()[s] / 200));
      assertThat(sd).as("return sd from %d", s).isCloseTo(t.returnNoise()[s], within(0.03 * t.returnNoise()[s]));
    }
  }
}
