package org.qprob.experiments.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;
import org.qprob.agents.dataset.Dataset;
import org.qprob.agents.offline.OfflineLearner;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.Agent;
import org.qprob.api.agent.Transition;
import org.qprob.api.agent.UpdateResult;
import org.qprob.api.run.Signal;
import org.qprob.experiments.observe.DivergenceGuard.Divergence;

/** The guard's message names the run's own clock: env step and episode online, gradient step offline. */
class DivergenceGuardTest {
  /** An online agent that never acts in these tests. */
  private static class Online implements Agent {
    @Override
    public int act(float[] observation, ActMode mode) {
      return 0;
    }

    @Override
    public void observe(Transition transition) {
    }

    @Override
    public UpdateResult update() {
      return UpdateResult.NONE;
    }

    @Override
    public double explorationParameter() {
      return 0;
    }

    @Override
    public void checkpoint(DataOutputStream out) {
    }

    @Override
    public void restore(DataInputStream in) {
    }
  }

  /** The same, learning offline. */
  private static final class Offline extends Online implements OfflineLearner {
    @Override
    public void learnFrom(Dataset data) {
    }

    @Override
    public UpdateResult learn() {
      return UpdateResult.NONE;
    }

    @Override
    public long updates() {
      return 0;
    }
  }

  @Test
  void anOnlineRunDivergesAtAnEnvStepOfAnEpisode() {
    DivergenceGuard guard = new DivergenceGuard(new Online());
    assertThat(guard.updated(40, 2, new UpdateResult(1, 0.5, Double.NaN, 3.0))).isEqualTo(Signal.CONTINUE);
    assertThat(guard.updated(50, 2, new UpdateResult(1, Double.NaN, Double.NaN, 3.0))).isEqualTo(Signal.STOP);
    assertThat(guard.afterTraining(50)).contains(new Divergence(50, "diverged at env step 50 (episode 3): loss = NaN"));
  }

  @Test
  void anOfflineRunDivergesAtAGradientStepWithoutEpisodes() {
    DivergenceGuard guard = new DivergenceGuard(new Offline());
    assertThat(guard.updated(7, 0, new UpdateResult(1, 0.25, Double.NaN, Double.POSITIVE_INFINITY)))
        .isEqualTo(Signal.STOP);
    assertThat(guard.afterTraining(7)).contains(new Divergence(7, "diverged at gradient step 7: gradient norm = "
        + "Infinity at loss = 0.25 (the gradient overflowed the network's precision)"));
  }

  @Test
  void aFiniteRunHasNoDivergence() {
    DivergenceGuard guard = new DivergenceGuard(new Offline());
    assertThat(guard.updated(7, 0, new UpdateResult(1, 0.25, Double.NaN, 1.0))).isEqualTo(Signal.CONTINUE);
    assertThat(guard.afterTraining(7)).isEmpty();
  }
}
