package org.qprob.agents.training;

import org.qprob.agents.random.Seeds;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.Agent;
import org.qprob.api.env.Environment;
import org.qprob.api.env.StepResult;

/**
 * Runs an agent greedily ({@link ActMode#GREEDY}, so it draws nothing from the agent's generators) for a fixed number
 * of episodes on its own environment. Episode {@code j} always resets with {@code Seeds.derive(seed, j)}, so every
 * evaluation round sees the same start states and rounds are comparable. An episode still running after
 * {@code maxEpisodeSteps} steps (when set) ends there, as a time limit would end it.
 */
public final class GreedyEvaluation {
  private final Environment env;
  private final int episodes;
  private final long seed;
  private final int maxEpisodeSteps;

  /**
   * @param env an environment used only for evaluation (with its time limit)
   * @param episodes episodes per evaluation, > 0
   * @param seed the seed the episodes' reset seeds derive from
   */
  public GreedyEvaluation(Environment env, int episodes, long seed) {
    this(env, episodes, seed, 0);
  }

  /** As {@link #GreedyEvaluation(Environment, int, long)}, each episode at most {@code maxEpisodeSteps} steps (0: no cap). */
  public GreedyEvaluation(Environment env, int episodes, long seed, int maxEpisodeSteps) {
    if (episodes <= 0) {
      throw new IllegalArgumentException("evaluation episodes = " + episodes + " is invalid; expected > 0");
    }
    if (maxEpisodeSteps < 0) {
      throw new IllegalArgumentException("evaluation maxEpisodeSteps = " + maxEpisodeSteps
          + " is invalid; expected >= 0 (0 = no cap)");
    }
    this.env = env;
    this.episodes = episodes;
    this.seed = seed;
    this.maxEpisodeSteps = maxEpisodeSteps;
  }

  /** The return of each episode. */
  public double[] run(Agent agent) {
    double[] returns = new double[episodes];
    for (int j = 0; j < episodes; j++) {
      float[] obs = env.reset(Seeds.derive(seed, j));
      double ret = 0;
      for (int t = 1; ; t++) {
        StepResult r = env.step(agent.act(obs, ActMode.GREEDY));
        ret += r.reward();
        if (r.done() || t == maxEpisodeSteps) {
          break;
        }
        obs = r.observation();
      }
      returns[j] = ret;
    }
    return returns;
  }

  public int episodes() {
    return episodes;
  }

  @Override
  public String toString() {
    return "GreedyEvaluation(episodes=" + episodes + ", seed=" + seed
        + (maxEpisodeSteps > 0 ? ", maxEpisodeSteps=" + maxEpisodeSteps : "") + ", env=" + env + ")";
  }
}
