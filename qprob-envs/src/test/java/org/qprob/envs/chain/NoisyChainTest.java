package org.qprob.envs.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.qprob.api.env.StepResult;
import org.qprob.envs.Environments;

class NoisyChainTest {
  /** The closed form against value iteration on the mean rewards, for exit rewards on both sides of the goal's value. */
  @ParameterizedTest
  @CsvSource({"10, 0.99, 0.5", "10, 0.9, 0.5", "6, 0.5, 0.2", "5, 1.0, 0.3", "8, 0.95, -0.7", "4, 0.8, 1.5", "30, 0.9, 0.1"})
  void trueQMatchesValueIteration(int length, double gamma, double exit) {
    NoisyChain chain = new NoisyChain(new double[length], NoiseDistribution.GAUSSIAN, exit, gamma, false);
    double[] v = new double[length];
    double[][] q = new double[length][2];
    for (int sweep = 0; sweep < 10 * length; sweep++) {
      for (int s = 0; s < length; s++) {
        q[s][NoisyChain.EXIT] = exit;
        q[s][NoisyChain.ADVANCE] = s == length - 1 ? 1.0 : gamma * v[s + 1];
      }
      for (int s = 0; s < length; s++) {
        v[s] = Math.max(q[s][0], q[s][1]);
      }
    }
    double[][] closed = chain.trueQ(gamma);
    for (int s = 0; s < length; s++) {
      assertThat(closed[s]).as("state %d", s).containsExactly(q[s], offset(1e-12));
    }
  }

  /** Monte Carlo returns of (s, a) then the optimal policy, against Q*, within 4.5 standard errors. */
  @ParameterizedTest
  @EnumSource(NoiseDistribution.class)
  void trueQMatchesMonteCarloReturns(NoiseDistribution noise) {
    double gamma = 0.9;
    double[] scales = {0.05, 1.0, 0.05, 2.0, 0.05, 1.0};
    NoisyChain chain = new NoisyChain(scales, noise, 0.5, gamma, false);
    double[][] q = chain.trueQ();
    chain.reset(2024L);
    int episodes = 20_000;
    for (int s = 0; s < scales.length; s++) {
      for (int a = 0; a < 2; a++) {
        double sum = 0;
        double sumSq = 0;
        for (int e = 0; e < episodes; e++) {
          chain.resetTo(new double[] {s});
          double ret = 0;
          double discount = 1;
          int action = a;
          while (true) {
            StepResult r = chain.step(action);
            ret += discount * r.reward();
            discount *= gamma;
            if (r.terminated()) {
              break;
            }
            int next = (int) r.observation()[0];
            action = q[next][NoisyChain.ADVANCE] >= q[next][NoisyChain.EXIT] ? NoisyChain.ADVANCE : NoisyChain.EXIT;
          }
          sum += ret;
          sumSq += ret * ret;
        }
        double mean = sum / episodes;
        double se = Math.sqrt((sumSq / episodes - mean * mean) / episodes);
        assertThat(mean).as("%s Q*(%d, %d), se %.4f", noise, s, a, se).isCloseTo(q[s][a], offset(4.5 * se + 1e-9));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(NoiseDistribution.class)
  void noiseHasMeanZeroAndTheGivenStandardDeviation(NoiseDistribution noise) {
    SplittableRandom random = new SplittableRandom(99);
    int n = 200_000;
    double sum = 0;
    double sumSq = 0;
    double sumCube = 0;
    for (int i = 0; i < n; i++) {
      double x = noise.sample(random, 2.0);
      sum += x;
      sumSq += x * x;
      sumCube += x * x * x;
    }
    double mean = sum / n;
    double variance = sumSq / n - mean * mean;
    assertThat(mean).isCloseTo(0.0, offset(4.5 * 2.0 / Math.sqrt(n)));
    assertThat(Math.sqrt(variance)).isCloseTo(2.0, offset(0.02));
    double skew = (sumCube / n) / Math.pow(variance, 1.5);
    // Gumbel's skewness is 12 sqrt(6) zeta(3) / pi^3 = 1.1395; the others are symmetric.
    assertThat(skew).isCloseTo(noise == NoiseDistribution.GUMBEL ? 1.1395 : 0.0, offset(0.06));
  }

  @Test
  void quietStatesAreNearlyDeterministicAndNoisyStatesAreNot() {
    NoisyChain chain = (NoisyChain) Environments.make("NoisyChain-v0");
    assertThat(chain.length()).isEqualTo(10);
    assertThat(chain.noiseScales()).containsExactly(0.05, 1.0, 0.05, 1.0, 0.05, 1.0, 0.05, 1.0, 0.05, 1.0);
    chain.reset(5L);
    double[] sd = new double[2];
    for (int s = 0; s < 2; s++) {
      double sum = 0;
      double sumSq = 0;
      int n = 20_000;
      for (int i = 0; i < n; i++) {
        chain.resetTo(new double[] {s});
        double r = chain.step(NoisyChain.EXIT).reward() - 0.5;
        sum += r;
        sumSq += r * r;
      }
      sd[s] = Math.sqrt(sumSq / n - (sum / n) * (sum / n));
    }
    assertThat(sd[0]).isCloseTo(0.05, offset(0.002));
    assertThat(sd[1]).isCloseTo(1.0, offset(0.03));
  }

  @Test
  void theChainAdvancesToTheGoalAndExitEndsTheEpisode() {
    NoisyChain chain = new NoisyChain(new double[4], NoiseDistribution.UNIFORM, 0.25, 0.9, false);
    assertThat(chain.reset(0L)).containsExactly(0f);
    for (int s = 1; s < 4; s++) {
      StepResult r = chain.step(NoisyChain.ADVANCE);
      assertThat(r.observation()).containsExactly((float) s);
      assertThat(r.reward()).isZero();
      assertThat(r.terminated()).isFalse();
    }
    StepResult goal = chain.step(NoisyChain.ADVANCE);
    assertThat(goal.reward()).isEqualTo(1.0);
    assertThat(goal.terminated()).isTrue();
    chain.reset();
    StepResult exit = chain.step(NoisyChain.EXIT);
    assertThat(exit.reward()).isEqualTo(0.25);
    assertThat(exit.terminated()).isTrue();
    assertThat(chain.trueQ()[0]).containsExactly(0.25, Math.pow(0.9, 3));
  }

  @Test
  void optionsConfigureTheChainAndRejectBadValues() {
    NoisyChain chain = (NoisyChain) Environments.make("NoisyChain-v0", Map.of("length", 4, "noise_low", 0.0,
        "noise_high", 3.0, "noisy_states", "second_half", "noise", "gumbel", "gamma", 0.5, "exit_reward", 0.1));
    assertThat(chain.noiseScales()).containsExactly(0.0, 0.0, 3.0, 3.0);
    assertThat(chain.gamma()).isEqualTo(0.5);
    assertThat(chain.trueQ()[1]).containsExactly(0.1, 0.25);
    assertThat(chain.toString()).contains("noise=gumbel", "gamma=0.5");
    NoisyChain explicit = (NoisyChain) Environments.make("NoisyChain-v0", Map.of("length", 3,
        "noise_scales", List.of(0.1, 0.2, 0.3)));
    assertThat(explicit.noiseScales()).containsExactly(0.1, 0.2, 0.3);

    assertThatThrownBy(() -> Environments.make("NoisyChain-v0", Map.of("noise", "cauchy")))
        .hasMessage("env NoisyChain-v0: option noise = \"cauchy\" is invalid; expected one of [gaussian, gumbel, uniform]");
    assertThatThrownBy(() -> Environments.make("NoisyChain-v0", Map.of("length", 3, "noise_scales", List.of(1, 2))))
        .hasMessage("env NoisyChain-v0: option noise_scales has 2 numbers; expected length = 3");
    assertThatThrownBy(() -> Environments.make("NoisyChain-v0", Map.of("noise_scales", List.of(1, 2), "noise_high", 2)))
        .hasMessageStartingWith("env NoisyChain-v0: give either noise_scales or noise_low/noise_high/noisy_states");
    assertThatThrownBy(() -> Environments.make("NoisyChain-v0", Map.of("noisy_states", "prime")))
        .hasMessage("env NoisyChain-v0: option noisy_states = \"prime\" is invalid; expected one of "
            + "[odd, even, first_half, second_half, all, none]");
    assertThatThrownBy(() -> Environments.make("NoisyChain-v0", Map.of("lenght", 5)))
        .hasMessageStartingWith("env NoisyChain-v0: unknown option lenght; known options: [exit_reward, gamma, length");
    assertThatThrownBy(() -> new NoisyChain(new double[] {1}, NoiseDistribution.GAUSSIAN, 0, 0.9, false))
        .hasMessage("NoisyChain-v0: needs at least 2 states, got 1");
    assertThatThrownBy(() -> chain.trueQ(0.0))
        .hasMessage("NoisyChain-v0: gamma 0.0 is invalid; expected a number in (0, 1]");
  }

  @Test
  void uniformStartVisitsEveryState() {
    NoisyChain chain = (NoisyChain) Environments.make("NoisyChain-v0", Map.of("start", "uniform", "length", 5));
    boolean[] seen = new boolean[5];
    chain.reset(1L);
    for (int i = 0; i < 200; i++) {
      seen[(int) chain.reset()[0]] = true;
    }
    assertThat(seen).containsOnly(true);
  }
}
