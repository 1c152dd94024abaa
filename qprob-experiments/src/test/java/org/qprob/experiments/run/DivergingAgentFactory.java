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
 * Test plugins, registered through this module's test resources, that diverge at their update number
 * {@code replay.batchSize} (the batch size just sets the step in a config): {@code test-nan-loss} reports a NaN loss
 * on that update, {@code test-nan-parameters} keeps a finite loss but reports non-finite parameters from then on, and
 * {@code test-inf-gradient} reports a finite loss with an infinite gradient norm on that update. All push left, draw
 * nothing, and checkpoint their counter.
 */
public final class DivergingAgentFactory implements AgentFactory {
  /** How the agent diverges. */
  enum Mode {
    LOSS("test-nan-loss", "test agent whose loss is NaN at update replay.batchSize"),
    PARAMETERS("test-nan-parameters", "test agent whose parameters turn NaN at update replay.batchSize"),
    GRADIENT("test-inf-gradient", "test agent whose gradient norm is infinite at update replay.batchSize");

    final String name;
    final String description;

    Mode(String name, String description) {
      this.name = name;
      this.description = description;
    }
  }

  private final Mode mode;

  /** The NaN-loss agent (what ServiceLoader builds). */
  public DivergingAgentFactory() {
    this(Mode.LOSS);
  }

  DivergingAgentFactory(Mode mode) {
    this.mode = mode;
  }

  /** The agent whose parameters become non-finite, as a separate provider. */
  public static final class Parameters implements AgentFactory {
    private final DivergingAgentFactory inner = new DivergingAgentFactory(Mode.PARAMETERS);

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

  /** The agent whose gradient overflows, as a separate provider. */
  public static final class Gradient implements AgentFactory {
    private final DivergingAgentFactory inner = new DivergingAgentFactory(Mode.GRADIENT);

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
    return mode.name;
  }

  @Override
  public String description() {
    return mode.description;
  }

  @Override
  public Agent create(AgentSetup setup) {
    return new Diverging(setup.config().replay().batchSize(), mode);
  }

  private static final class Diverging implements Agent, FiniteParameters {
    private final int at;
    private final Mode mode;
    private int updates;

    Diverging(int at, Mode mode) {
      this.at = at;
      this.mode = mode;
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
      boolean now = updates == at;
      double loss = mode == Mode.LOSS && now ? Double.NaN : 1.0 / updates;
      double gradientNorm = mode == Mode.GRADIENT && now ? Double.POSITIVE_INFINITY : 1.0;
      return new UpdateResult(true, loss, Double.NaN, gradientNorm);
    }

    @Override
    public boolean parametersFinite() {
      return mode != Mode.PARAMETERS || updates < at;
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
