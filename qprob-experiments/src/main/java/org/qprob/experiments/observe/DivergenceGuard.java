package org.qprob.experiments.observe;

import java.util.Optional;
import org.qprob.agents.training.FiniteParameters;
import org.qprob.api.agent.Agent;
import org.qprob.api.agent.UpdateResult;
import org.qprob.api.run.EpisodeRecord;
import org.qprob.api.run.RunObserver;
import org.qprob.api.run.Signal;

/**
 * Stops a run that diverges: a NaN or infinite loss or gradient norm at any gradient step, or, for agents that
 * implement {@link FiniteParameters}, a NaN or infinite network parameter at an episode's end or when training ends.
 */
public final class DivergenceGuard implements RunObserver {
  /** Where and why a run diverged. */
  public record Divergence(long envStep, String message) {
  }

  private final Agent agent;
  private Divergence divergence;

  public DivergenceGuard(Agent agent) {
    this.agent = agent;
  }

  @Override
  public Signal updated(long envSteps, long episode, UpdateResult u) {
    String where = "diverged at env step " + envSteps + " (episode " + (episode + 1) + "): ";
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

  /** The divergence that stopped training, or, if none did, one found in the parameters when training ended. */
  public Optional<Divergence> afterTraining(long envSteps) {
    if (divergence == null && !parametersFinite()) {
      divergence = new Divergence(envSteps, "diverged at env step " + envSteps
          + " (end of training): a network parameter is NaN or infinite");
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
