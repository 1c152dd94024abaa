package org.qprob.agents;

import java.util.ArrayList;
import java.util.List;
import org.qprob.agents.config.ReferenceConfig;
import org.qprob.agents.random.Seeds;
import org.qprob.agents.training.Budget;
import org.qprob.agents.training.TrainingLoop;
import org.qprob.agents.training.TrainingSummary;
import org.qprob.api.PluginRegistry;
import org.qprob.api.agent.Agent;
import org.qprob.api.env.Environment;
import org.qprob.api.run.EpisodeRecord;
import org.qprob.api.run.Signal;

/**
 * Trains a reference configuration on CartPole-v1 (or another environment) until the mean return of the last 20
 * training episodes reaches a threshold or the step budget runs out, the way the runner wires things (registries,
 * derived seeds, the loop).
 */
public final class CartPoleRun {
  /**
   * @param episodes every episode's record
   * @param solvedAtStep the environment step at which the 20-episode mean first reached the threshold, or -1
   * @param summary how the loop ended
   */
  public record Outcome(List<EpisodeRecord> episodes, long solvedAtStep, TrainingSummary summary) {
    public double[] returns() {
      return episodes.stream().mapToDouble(EpisodeRecord::episodeReturn).toArray();
    }
  }

  private CartPoleRun() {
  }

  public static Agent agent(ReferenceConfig rc, Environment env, long runSeed) {
    AgentFactory factory = PluginRegistry.load(AgentFactory.class, "agent", AgentFactory::name).get(rc.agent().type());
    return factory.create(new AgentSetup(rc.agent(), Fixtures.loss(rc.loss(), rc.lossOptions()),
        env.observationSpace(), env.actionSpace(), Seeds.derive(runSeed, "agent")));
  }

  public static Outcome run(ReferenceConfig rc, long runSeed, long maxSteps, double threshold) {
    return run(rc, "CartPole-v1", runSeed, maxSteps, threshold);
  }

  /** As {@link #run(ReferenceConfig, long, long, double)} on the environment {@code envId} (its default options). */
  public static Outcome run(ReferenceConfig rc, String envId, long runSeed, long maxSteps, double threshold) {
    Environment env = Fixtures.env(envId);
    Agent agent = agent(rc, env, runSeed);
    List<EpisodeRecord> episodes = new ArrayList<>();
    long[] solved = {-1};
    TrainingSummary summary = new TrainingLoop(env, agent, Seeds.derive(runSeed, "env"))
        .withEpisodeListener(e -> {
          episodes.add(e);
          int n = episodes.size();
          if (n >= 20) {
            double sum = 0;
            for (int i = n - 20; i < n; i++) {
              sum += episodes.get(i).episodeReturn();
            }
            if (sum / 20 >= threshold) {
              solved[0] = e.envSteps();
              return Signal.STOP;
            }
          }
          return Signal.CONTINUE;
        })
        .run(Budget.steps(maxSteps));
    return new Outcome(episodes, solved[0], summary);
  }
}
