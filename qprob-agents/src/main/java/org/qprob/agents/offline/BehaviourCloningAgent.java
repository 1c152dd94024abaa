package org.qprob.agents.offline;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.buffer.DataType;
import org.qprob.agents.AgentCheckpoint;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.dataset.Dataset;
import org.qprob.agents.network.HostMlp;
import org.qprob.agents.network.Mlp;
import org.qprob.agents.network.ObservationEncoder;
import org.qprob.agents.random.RandomStream;
import org.qprob.agents.random.Seeds;
import org.qprob.agents.replay.ReplayBatch;
import org.qprob.agents.training.FiniteParameters;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.UpdateResult;

/**
 * Behaviour cloning: a policy network of the {@code network} shape with one logit per action, trained by the
 * cross-entropy {@code -(1/n) sum_i log softmax(pi(s_i))[a_i]} with the dataset's actions; it acts by its most probable
 * action. It has no TD loss: the run's {@code loss} section is not used. Its weights come from the stream
 * {@code "weights"} of the agent's seed, its batches from {@code "replay"}.
 */
public final class BehaviourCloningAgent implements OfflineLearner, FiniteParameters {
  private static final int CHECKPOINT_VERSION = 1;

  private final ObservationEncoder encoder;
  private final Mlp policy;
  private final HostMlp host;
  private final DatasetReplay replay;
  private final float[] actInput;
  private boolean hostStale;

  /** An agent on single-precision networks. */
  public BehaviourCloningAgent(AgentSetup setup) {
    this(setup, DataType.FLOAT);
  }

  BehaviourCloningAgent(AgentSetup setup, DataType dataType) {
    AgentConfig config = setup.config();
    this.encoder = new ObservationEncoder(setup.observationSpace());
    int na = setup.actionSpace().n();
    RandomStream init = new RandomStream(Seeds.derive(setup.seed(), "weights"));
    this.policy = Mlp.create(config.network(), encoder.shape(), na, config.optimizer(),
        config.optimizer().learningRate(), config.optimizer().gradClipNorm(), dataType, init);
    this.host = policy.hostCopy();
    this.replay = new DatasetReplay("bc", config, encoder, na, setup.seed());
    this.actInput = new float[encoder.width()];
  }

  @Override
  public void learnFrom(Dataset data) {
    replay.fill(data);
  }

  /** The most probable action under the policy, in either mode. */
  @Override
  public int act(float[] observation, ActMode mode) {
    if (hostStale) {
      policy.refresh(host);
      hostStale = false;
    }
    encoder.encode(observation, actInput, 0);
    return ActionCrossEntropy.argmax(host.forward(actInput));
  }

  @Override
  public UpdateResult learn() {
    Step s = compute(replay.sample());
    double norm = policy.step(s.gradient());
    hostStale = true;
    replay.countUpdate();
    return new UpdateResult(1, s.loss(), Double.NaN, norm);
  }

  /** The batch loss and its gradient, not applied. */
  record Step(double loss, Gradient gradient) {
  }

  Step compute(ReplayBatch batch) {
    int n = batch.size();
    double[][] logits = policy.forwardForTraining(batch.states(), n);
    double[][] d = new double[n][policy.outputs()];
    double loss = ActionCrossEntropy.evaluate(logits, batch.actions(), null, d);
    return new Step(loss, policy.gradient(d));
  }

  /** The batch loss at the current parameters, without gradient. */
  double loss(ReplayBatch batch) {
    return ActionCrossEntropy.evaluate(policy.output(batch.states(), batch.size()), batch.actions(), null, null);
  }

  Mlp policy() {
    return policy;
  }

  DatasetReplay replay() {
    return replay;
  }

  @Override
  public long updates() {
    return replay.updates();
  }

  @Override
  public boolean parametersFinite() {
    return policy.parametersFinite();
  }

  @Override
  public void checkpoint(DataOutputStream out) throws IOException {
    out.writeInt(CHECKPOINT_VERSION);
    replay.write(out);
    policy.write(out);
  }

  @Override
  public void restore(DataInputStream in) throws IOException {
    AgentCheckpoint.readVersion(in, "bc", CHECKPOINT_VERSION);
    replay.read(in);
    policy.read(in);
    policy.refresh(host);
    hostStale = false;
  }

  @Override
  public String toString() {
    return "BehaviourCloningAgent(policy " + policy + ", " + replay + ")";
  }
}
