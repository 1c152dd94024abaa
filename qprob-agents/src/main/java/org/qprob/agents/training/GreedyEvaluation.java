package org.qprob.agents.training;

import org.qprob.agents.random.Seeds;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.Agent;
import org.qprob.api.env.Environment;
import org.qprob.api.env.StepResult;

/**
 * Runs an agent greedily ({@link ActMode#GREEDY}, so it draws nothing from the agent's generators) for a fixed number
 * of episodes on its own environment. Episode {@code j} always resets with {@code Seeds.derive(seed, j)}, so every
 * evaluation round sees the same start states and rounds are comparable.
 */
public final class GreedyEvaluation {
  private final Environment env;
  private final int episodes;
  private final long seed;

  /**
   * @param env an environment used only for evaluation (with its time limit)
   * @param episodes episodes per evaluation, > 0
   * @param seed the seed the episodes' reset seeds derive from
   */
  public GreedyEvaluation(Environment env, int episodes, long seed) {
    if (episodes <= 0) {
      throw new IllegalArgumentException("evaluation episodes = " + episodes + " is invalid; expected > 0");
    }
    this.env = env;
    this.episodes = episodes;
    this.seed = seed;
  }

  /** The return of each episode. */
  public double[] run(Agent agent) {
    double[] returns = new double[episodes];
    for (int j = 0; j < episodes; j++) {
      float[] obs = env.reset(Seeds.derive(seed, j));
      double ret = 0;
      while (true) {
        StepResult r = env.step(agent.act(obs, ActMode.GREEDY));
        ret += r.reward();
        if (r.done()) {
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
    return "GreedyEvaluation(episodes=" + episodes + ", seed=" + seed + ", env=" + env + ")";
  }
}
