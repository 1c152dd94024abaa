package org.qprob.experiments.run;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.qprob.agents.AgentFactory;
import org.qprob.agents.AgentSetup;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.Agent;
import org.qprob.api.agent.Transition;
import org.qprob.api.agent.UpdateResult;

/**
 * A test plugin, registered as {@code test-failing} through this module's test resources: an agent that always
 * pushes left and throws on its 150th update, to see what a crashed run leaves behind.
 */
public final class FailingAgentFactory implements AgentFactory {
  /** The update that throws. */
  static final int FAIL_AT = 150;

  @Override
  public String name() {
    return "test-failing";
  }

  @Override
  public String description() {
    return "test agent that fails on its 150th update";
  }

  @Override
  public Agent create(AgentSetup setup) {
    return new Agent() {
      private int updates;

      @Override
      public int act(float[] observation, ActMode mode) {
        return 0;
      }

      @Override
      public void observe(Transition transition) {}

      @Override
      public UpdateResult update() {
        if (++updates == FAIL_AT) {
          throw new IllegalStateException("boom at update " + FAIL_AT);
        }
        return new UpdateResult(true, 1.0, Double.NaN);
      }

      @Override
      public double explorationParameter() {
        return 0;
      }

      @Override
      public void checkpoint(DataOutputStream out) {}

      @Override
      public void restore(DataInputStream in) {}
    };
  }
}
