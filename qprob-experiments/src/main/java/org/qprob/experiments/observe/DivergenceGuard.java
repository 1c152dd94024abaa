package org.qprob.experiments.observe;

import java.util.Optional;
import org.qprob.agents.offline.OfflineLearner;
import org.qprob.agents.training.FiniteParameters;
import org.qprob.api.agent.Agent;
import org.qprob.api.agent.UpdateResult;
import org.qprob.api.run.EpisodeRecord;
import org.qprob.api.run.RunObserver;
import org.qprob.api.run.Signal;

/**
 * Stops a run that diverges: a NaN or infinite loss or gradient norm at any gradient step, or, for agents that
 * implement {@link FiniteParameters}, a NaN or infinite network parameter at an episode's end or when training ends.
 * The message names the run's clock: the env step (and episode) of an online run, the gradient step of an offline
 * one ({@link OfflineLearner}), whose training has neither env steps nor episodes.
 */
public final class DivergenceGuard implements RunObserver {
  /**
   * Where and why a run diverged.
   *
   * @param envStep the step of the run's clock: the env step online, the gradient step offline
   * @param message one line naming the step and the non-finite value
   */
  public record Divergence(long envStep, String message) {
  }

  /** The clock a run's steps are counted in, and how a message names a moment of it. */
  private enum Clock {
    ENV_STEPS {
      @Override
      String at(long steps, long episode) {
        return "env step " + steps + " (episode " + (episode + 1) + ")";
      }

      @Override
      String atEnd(long steps) {
        return "env step " + steps + " (end of training)";
      }
    },
    GRADIENT_STEPS {
      @Override
      String at(long steps, long episode) {
        return "gradient step " + steps;
      }

      @Override
      String atEnd(long steps) {
        return "gradient step " + steps + " (end of training)";
      }
    };

    abstract String at(long steps, long episode);

    abstract String atEnd(long steps);
  }

  private final Agent agent;
  private final Clock clock;
  private Divergence divergence;

  public DivergenceGuard(Agent agent) {
    this.agent = agent;
    this.clock = agent instanceof OfflineLearner ? Clock.GRADIENT_STEPS : Clock.ENV_STEPS;
  }

  @Override
  public Signal updated(long envSteps, long episode, UpdateResult u) {
    String where = "diverged at " + clock.at(envSteps, episode) + ": ";
    if (!Double.isFinite(u.loss())) {
      return stop(envSteps, where + "loss = " + u.loss());
    }
    if (!Double.isFinite(u.gradientNorm())) {
      return stop(envSteps, where + "gradient norm = " + u.gradientNorm() + " at loss = " + u.loss()
          + " (the gradient overflowed the network's precision)");
    }
    return Signal.CONTINUE;
  }

  @Override
  public Signal episodeEnded(EpisodeRecord e) {
    if (!parametersFinite()) {
      return stop(e.envSteps(), "diverged at env step " + e.envSteps() + " (end of episode " + (e.episode() + 1)
          + "): a network parameter is NaN or infinite");
    }
    return Signal.CONTINUE;
  }

  /**
   * The divergence that stopped training, or, if none did, one found in the parameters when training ended at
   * {@code envSteps} (the gradient step offline).
   */
  public Optional<Divergence> afterTraining(long envSteps) {
    if (divergence == null && !parametersFinite()) {
      divergence = new Divergence(envSteps, "diverged at " + clock.atEnd(envSteps)
          + ": a network parameter is NaN or infinite");
    }
    return Optional.ofNullable(divergence);
  }

  private boolean parametersFinite() {
    return !(agent instanceof FiniteParameters f) || f.parametersFinite();
  }

  private Signal stop(long envStep, String message) {
    divergence = new Divergence(envStep, message);
    return Signal.STOP;
  }
}
