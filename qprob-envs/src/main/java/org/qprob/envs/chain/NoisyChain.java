package org.qprob.envs.chain;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.qprob.api.env.Discrete;
import org.qprob.api.env.Space;
import org.qprob.api.env.StepResult;
import org.qprob.envs.EpisodicEnvironment;

/**
 * {@code NoisyChain-v0}: a chain of states {@code 0..N-1} with two actions, built so that the reward noise differs
 * from state to state while the optimal action values are known exactly.
 *
 * <h2>Dynamics</h2>
 * <ul>
 *   <li>Action 0, <em>exit</em>: the episode terminates with reward {@code c + sigma_s * eps}.</li>
 *   <li>Action 1, <em>advance</em>: from {@code s < N-1} move to {@code s + 1} with reward {@code sigma_s * eps};
 *       from {@code N-1} the episode terminates with reward {@code 1 + sigma_s * eps} (the goal).</li>
 * </ul>
 * {@code eps} is a fresh draw with mean 0 and standard deviation 1 from the chosen {@link NoiseDistribution}, and
 * {@code sigma_s} is the noise level of the state the action is taken in. The mean rewards are thus 0 for advancing,
 * 1 at the goal, and the exit reward {@code c} for leaving. The observation is the state, {@code Discrete(N)}
 * (carried as {@code [s]}; agents one-hot it). An episode starts in state 0, or in a uniformly drawn state with
 * {@code start: uniform}, and lasts at most N steps.
 *
 * <h2>Optimal action values</h2>
 * Noise has mean zero, so Q* is that of the mean rewards. With {@code 0 < gamma <= 1}, by induction from the end of
 * the chain: {@code V*(N-1) = max(c, 1)}; if {@code V*(s+1) = max(c, gamma^(N-2-s))} then
 * {@code Q*(s, advance) = gamma * V*(s+1) = max(gamma c, gamma^(N-1-s))} and
 * {@code V*(s) = max(c, gamma c, gamma^(N-1-s)) = max(c, gamma^(N-1-s))} (if {@code c >= 0} then {@code gamma c <= c};
 * if {@code c < 0} then {@code gamma c < 0 < gamma^(N-1-s)}). Hence
 * <pre>
 *   Q*(s, exit)    = c
 *   Q*(N-1, advance) = 1
 *   Q*(s, advance) = max(gamma * c, gamma^(N-1-s))   for s &lt; N-1
 * </pre>
 * {@link #trueQ(double)} returns this table.
 */
public final class NoisyChain extends EpisodicEnvironment {
  /** Action 0: leave the chain with the exit reward. */
  public static final int EXIT = 0;
  /** Action 1: move one state on (or reach the goal from the last state). */
  public static final int ADVANCE = 1;
  /** The mean reward of advancing from the last state. */
  public static final double GOAL_REWARD = 1.0;

  private final double[] noiseScales;
  private final NoiseDistribution noise;
  private final double exitReward;
  private final double gamma;
  private final boolean uniformStart;
  private final Discrete observationSpace;
  private int s;

  /**
   * @param noiseScales the noise standard deviation of each state (the chain's length is their count, at least 2)
   * @param noise the noise distribution
   * @param exitReward the mean reward {@code c} of exiting, finite
   * @param gamma the discount {@link #trueQ()} uses, in (0, 1]
   * @param uniformStart whether episodes start in a uniformly drawn state instead of state 0
   */
  public NoisyChain(double[] noiseScales, NoiseDistribution noise, double exitReward, double gamma, boolean uniformStart) {
    super("NoisyChain-v0", 2);
    if (noiseScales == null || noiseScales.length < 2) {
      throw new IllegalArgumentException("NoisyChain-v0: needs at least 2 states, got "
          + (noiseScales == null ? 0 : noiseScales.length));
    }
    for (int i = 0; i < noiseScales.length; i++) {
      if (!(noiseScales[i] >= 0) || Double.isInfinite(noiseScales[i])) {
        throw new IllegalArgumentException("NoisyChain-v0: noise level of state " + i + " is " + noiseScales[i]
            + "; expected a finite number >= 0");
      }
    }
    if (noise == null) {
      throw new IllegalArgumentException("NoisyChain-v0: noise distribution is null; expected one of "
          + NoiseDistribution.NAMES);
    }
    if (!Double.isFinite(exitReward)) {
      throw new IllegalArgumentException("NoisyChain-v0: exit_reward " + exitReward + " is invalid; expected a finite number");
    }
    checkGamma(gamma);
    this.noiseScales = noiseScales.clone();
    this.noise = noise;
    this.exitReward = exitReward;
    this.gamma = gamma;
    this.uniformStart = uniformStart;
    this.observationSpace = new Discrete(noiseScales.length);
  }

  private static void checkGamma(double gamma) {
    if (!(gamma > 0 && gamma <= 1)) {
      throw new IllegalArgumentException("NoisyChain-v0: gamma " + gamma + " is invalid; expected a number in (0, 1]");
    }
  }

  /** The number of states N. */
  public int length() {
    return noiseScales.length;
  }

  /** The noise standard deviation of each state. */
  public double[] noiseScales() {
    return noiseScales.clone();
  }

  /** The configured discount, used by {@link #trueQ()}. */
  public double gamma() {
    return gamma;
  }

  /** The optimal action values {@code Q*[s][a]} for the configured discount. */
  public double[][] trueQ() {
    return trueQ(gamma);
  }

  /** The optimal action values {@code Q*[s][a]} for discount {@code gamma} in (0, 1] (derivation in the class doc). */
  public double[][] trueQ(double gamma) {
    checkGamma(gamma);
    int n = noiseScales.length;
    double[][] q = new double[n][2];
    for (int s = 0; s < n; s++) {
      q[s][EXIT] = exitReward;
      q[s][ADVANCE] = s == n - 1 ? GOAL_REWARD : Math.max(gamma * exitReward, Math.pow(gamma, n - 1 - s));
    }
    return q;
  }

  @Override
  public Space observationSpace() {
    return observationSpace;
  }

  @Override
  protected float[] start(SplittableRandom random) {
    s = uniformStart ? random.nextInt(noiseScales.length) : 0;
    return new float[] {s};
  }

  @Override
  protected float[] startIn(double[] state) {
    if (state.length != 1 || state[0] != Math.rint(state[0]) || !observationSpace.contains((int) state[0])) {
      throw badState(state, "[s] with s an integer in 0.." + (noiseScales.length - 1));
    }
    s = (int) state[0];
    return new float[] {s};
  }

  @Override
  public double[] state() {
    return new double[] {s};
  }

  @Override
  protected StepResult advance(int action) {
    double eps = noise.sample(random(), noiseScales[s]);
    if (action == EXIT) {
      return new StepResult(new float[] {s}, exitReward + eps, true, false);
    }
    if (s == noiseScales.length - 1) {
      return new StepResult(new float[] {s}, GOAL_REWARD + eps, true, false);
    }
    s++;
    return new StepResult(new float[] {s}, eps, false, false);
  }

  @Override
  public String toString() {
    return "NoisyChain-v0(length=" + noiseScales.length + ", noise=" + noise.optionName() + ", noise_scales="
        + Arrays.toString(noiseScales) + ", exit_reward=" + exitReward + ", gamma=" + gamma + ", start="
        + (uniformStart ? "uniform" : "first") + ")";
  }
}
