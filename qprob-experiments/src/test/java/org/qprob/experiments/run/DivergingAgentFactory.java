package org.qprob.experiments.run;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.qprob.agents.AgentFactory;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.training.FiniteParameters;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.Agent;
import org.qprob.api.agent.Transition;
import org.qprob.api.agent.UpdateResult;

/**
 * Test plugins, registered through this module's test resources: {@code test-nan-loss}, an agent whose loss is finite
 * until its update number {@code replay.batchSize} and NaN on that one, and {@code test-nan-parameters}, whose loss
 * stays finite but whose parameters report non-finite from its update number {@code replay.batchSize} on (the
 * batch size just sets the step in a config). Both push left, draw nothing, and checkpoint their counter.
 */
public final class DivergingAgentFactory implements AgentFactory {
  private final boolean viaParameters;

  /** The NaN-loss agent (what ServiceLoader builds). */
  public DivergingAgentFactory() {
    this(false);
  }

  DivergingAgentFactory(boolean viaParameters) {
    this.viaParameters = viaParameters;
  }

  /** The agent whose parameters become non-finite, as a separate provider. */
  public static final class Parameters implements AgentFactory {
    private final DivergingAgentFactory inner = new DivergingAgentFactory(true);

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public String description() {
      return inner.description();
    }

    @Override
    public Agent create(AgentSetup setup) {
      return inner.create(setup);
    }
  }

  @Override
  public String name() {
    return viaParameters ? "test-nan-parameters" : "test-nan-loss";
  }

  @Override
  public String description() {
    return viaParameters ? "test agent whose parameters turn NaN at update replay.batchSize"
        : "test agent whose loss is NaN at update replay.batchSize";
  }

  @Override
  public Agent create(AgentSetup setup) {
    int at = setup.config().replay().batchSize();
    return new Diverging(at, viaParameters);
  }

  private static final class Diverging implements Agent, FiniteParameters {
    private final int at;
    private final boolean viaParameters;
    private int updates;

    Diverging(int at, boolean viaParameters) {
      this.at = at;
      this.viaParameters = viaParameters;
    }

    @Override
    public int act(float[] observation, ActMode mode) {
      return 0;
    }

    @Override
    public void observe(Transition transition) {}

    @Override
    public UpdateResult update() {
      updates++;
      boolean nan = !viaParameters && updates == at;
      return new UpdateResult(true, nan ? Double.NaN : 1.0 / updates, Double.NaN);
    }

    @Override
    public boolean parametersFinite() {
      return !viaParameters || updates < at;
    }

    @Override
    public double explorationParameter() {
      return 0;
    }

    @Override
    public void checkpoint(DataOutputStream out) throws IOException {
      out.writeInt(updates);
    }

    @Override
    public void restore(DataInputStream in) throws IOException {
      updates = in.readInt();
    }
  }
}
