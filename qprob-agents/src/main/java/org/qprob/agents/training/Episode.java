package org.qprob.agents.training;

import java.util.List;

/**
 * One finished episode as an {@link EpisodeRecorder} saw it: at each step {@code t} the observation {@code s_t} the
 * action was taken in, the action and the reward; and how it ended.
 *
 * @param observations {@code s_0 .. s_(T-1)} (not copied; never written again)
 * @param actions {@code a_0 .. a_(T-1)}
 * @param rewards {@code r_0 .. r_(T-1)}
 * @param terminated whether it ended in a terminal state (so its returns are complete); false if it was truncated
 */
public record Episode(List<float[]> observations, int[] actions, double[] rewards, boolean terminated) {
  public Episode {
    observations = List.copyOf(observations);
    if (actions.length != observations.size() || rewards.length != observations.size()) {
      throw new IllegalArgumentException("episode needs one action and one reward per observation: "
          + observations.size() + " observations, " + actions.length + " actions, " + rewards.length + " rewards");
    }
  }

  /** The number of steps. */
  public int length() {
    return actions.length;
  }

  /** Its realised discounted returns {@code G_t} (censored by the cut if it was truncated). */
  public double[] returns(double gamma) {
    return DiscountedReturns.of(rewards, gamma);
  }
}
