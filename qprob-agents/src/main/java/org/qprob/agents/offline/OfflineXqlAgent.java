package org.qprob.agents.offline;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.buffer.DataType;
import org.qprob.agents.AgentCheckpoint;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.config.OfflineConfig;
import org.qprob.agents.dataset.Dataset;
import org.qprob.agents.exploration.Exploration;
import org.qprob.agents.network.HostMlp;
import org.qprob.agents.network.Mlp;
import org.qprob.agents.network.ObservationEncoder;
import org.qprob.agents.network.OutputHead;
import org.qprob.agents.random.RandomStream;
import org.qprob.agents.replay.ReplayBatch;
import org.qprob.agents.training.FiniteParameters;
import org.qprob.agents.xq.ExtremeQNetworks;
import org.qprob.agents.xq.ExtremeQNetworks.Regression;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.UpdateResult;
import org.qprob.api.loss.PointLoss;

/**
 * Offline Extreme Q-learning for discrete actions (X-QL's offline algorithm), every step on one batch of the dataset:
 * <ul>
 *   <li>V(s) regresses with the injected loss (the Gumbel regression {@code xql}, whose beta is the loss's option) on
 *       {@code Q_target(s, a)} of the dataset's actions only (in-sample: no max, no action the data does not hold),
 *       so V learns {@code beta * log E_a~mu[exp(Q(s, a) / beta)]}, the soft value under the behaviour policy mu;
 *       Q_target is the target Q network ({@code target.source = target-network}, following Q every
 *       {@code target.updateEvery} gradient steps with {@code polyakTau}) or the online Q ({@code online-stop});</li>
 *   <li>Q(s, a) regresses with squared error toward {@code y = r + gamma * (1 - terminated) * V(s')} (V before this
 *       step, no gradient into it);</li>
 *   <li>with {@code offline.policy = awr}, a policy network (logits, the {@code network} shape) by advantage-weighted
 *       regression, {@code -(1/n) sum_i w_i log pi(a_i | s_i)} with
 *       {@code w_i = min(exp((Q_target(s_i, a_i) - V(s_i)) / offline.advantageBeta), offline.maxWeight)}, whose
 *       optimum is X-QL's policy {@code mu(a|s) exp((Q(s, a) - V(s)) / beta)}; it acts by its most probable action.
 *       With {@code greedy} it acts by {@code argmax_a Q(s, a)}.</li>
 * </ul>
 * The V network's rate and clip are {@code extremeQ}'s. The reported loss is Q's squared TD error. Weights come from
 * the stream {@code "weights"} of the agent's seed, batches from {@code "replay"}.
 */
public final class OfflineXqlAgent implements OfflineLearner, FiniteParameters {
  private static final int CHECKPOINT_VERSION = 1;

  private final AgentConfig config;
  private final OfflineConfig offline;
  private final ExtremeQNetworks networks;
  private final PointLoss valueLoss;
  private final OutputHead qHead;
  private final ObservationEncoder encoder;
  private final Mlp q;
  private final Mlp v;
  private final Mlp qTarget;
  private final Mlp policy;
  private final HostMlp host;
  private final DatasetReplay replay;
  private final float[] actInput;
  private final double[] rawRow;
  private final double[] values;
  private boolean hostStale;

  /** An agent on single-precision networks; fails with one line if the config does not fit. */
  public OfflineXqlAgent(AgentSetup setup) {
    this(setup, DataType.FLOAT);
  }

  OfflineXqlAgent(AgentSetup setup, DataType dataType) {
    this.config = setup.config();
    this.offline = config.offline();
    this.networks = ExtremeQNetworks.create("offline-xql", setup, dataType);
    this.valueLoss = networks.valueLoss();
    this.qHead = networks.qHead();
    this.encoder = networks.encoder();
    this.q = networks.q();
    this.v = networks.v();
    this.qTarget = networks.qTarget();
    int na = setup.actionSpace().n();
    double lr = config.optimizer().learningRate();
    RandomStream init = networks.init();
    this.policy = offline.policyKind().trainsPolicyNetwork()
        ? Mlp.create(config.network(), encoder.shape(), na, config.optimizer(), lr, config.optimizer().gradClipNorm(),
            dataType, init)
        : null;
    this.host = (policy != null ? policy : q).hostCopy();
    this.replay = new DatasetReplay("offline-xql", config, encoder, na, setup.seed());
    this.actInput = new float[encoder.width()];
    this.rawRow = new double[na];
    this.values = new double[na];
  }

  @Override
  public void learnFrom(Dataset data) {
    replay.fill(data);
  }

  /** The policy's most probable action ({@code awr}) or {@code argmax_a Q(s, a)} ({@code greedy}), in either mode. */
  @Override
  public int act(float[] observation, ActMode mode) {
    Mlp acting = policy != null ? policy : q;
    if (hostStale) {
      acting.refresh(host);
      hostStale = false;
    }
    encoder.encode(observation, actInput, 0);
    float[] raw = host.forward(actInput);
    if (policy != null) {
      return ActionCrossEntropy.argmax(raw);
    }
    for (int k = 0; k < raw.length; k++) {
      rawRow[k] = raw[k];
    }
    qHead.transform(rawRow, values, 0);
    return Exploration.argmax(values);
  }

  /**
   * One step of each network on one batch; then the target Q network follows Q every {@code target.updateEvery}
   * gradient steps.
   */
  @Override
  public UpdateResult learn() {
    ReplayBatch batch = replay.sample();
    Steps s = evaluate(batch, replay.discounts(), true);
    double qNorm = q.step(s.qGradient());
    double vNorm = v.step(s.vGradient());
    double piNorm = policy != null ? policy.step(s.policyGradient()) : 0;
    hostStale = true;
    replay.countUpdate();
    if (qTarget != null && replay.updates() % config.target().updateEvery() == 0) {
      qTarget.follow(q, config.target().polyakTau());
    }
    return new UpdateResult(1, s.qLoss(), Double.NaN, Math.sqrt(qNorm * qNorm + vNorm * vNorm + piNorm * piNorm));
  }

  /** The gradients of one batch, not applied; the policy's are null with {@code greedy}. */
  record Steps(double qLoss, double vLoss, double policyLoss, Gradient qGradient, Gradient vGradient,
      Gradient policyGradient) {
  }

  Steps compute(ReplayBatch batch, double[] discounts) {
    return evaluate(batch, discounts, true);
  }

  /** The batch-mean Q, V and policy losses at the current parameters, without gradients (policy NaN without one). */
  double[] losses(ReplayBatch batch, double[] discounts) {
    Steps s = evaluate(batch, discounts, false);
    return new double[] {s.qLoss(), s.vLoss(), s.policyLoss()};
  }

  /** X-DQN's two regressions ({@link ExtremeQNetworks#regress}, every weight 1 here), then the policy's. */
  private Steps evaluate(ReplayBatch batch, double[] discounts, boolean withGradient) {
    Regression r = networks.regress(batch, discounts, withGradient);
    double policyLoss = Double.NaN;
    Gradient policyGradient = null;
    if (policy != null) {
      int n = batch.size();
      double[] valueTarget = r.valueTarget();
      double[] value = r.value();
      double[] weights = new double[n];
      for (int i = 0; i < n; i++) {
        weights[i] = Math.min(Math.exp((valueTarget[i] - value[i]) / offline.advantageBeta()), offline.maxWeight());
      }
      float[] states = batch.states();
      double[][] logits = withGradient ? policy.forwardForTraining(states, n) : policy.output(states, n);
      double[][] dLogits = withGradient ? new double[n][policy.outputs()] : null;
      policyLoss = ActionCrossEntropy.evaluate(logits, batch.actions(), weights, dLogits);
      policyGradient = withGradient ? policy.gradient(dLogits) : null;
    }
    return new Steps(r.qLoss(), r.vLoss(), policyLoss, r.qGradient(), r.vGradient(), policyGradient);
  }

  Mlp q() {
    return q;
  }

  Mlp v() {
    return v;
  }

  Mlp qTarget() {
    return qTarget;
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
    return q.parametersFinite() && v.parametersFinite() && (qTarget == null || qTarget.parametersFinite())
        && (policy == null || policy.parametersFinite());
  }

  @Override
  public void checkpoint(DataOutputStream out) throws IOException {
    out.writeInt(CHECKPOINT_VERSION);
    replay.write(out);
    q.write(out);
    v.write(out);
    AgentCheckpoint.writeOptional(out, qTarget);
    AgentCheckpoint.writeOptional(out, policy);
  }

  @Override
  public void restore(DataInputStream in) throws IOException {
    AgentCheckpoint.readVersion(in, "offline-xql", CHECKPOINT_VERSION);
    replay.read(in);
    q.read(in);
    v.read(in);
    AgentCheckpoint.readOptional(in, qTarget, "target network", "target.source " + config.target().source());
    AgentCheckpoint.readOptional(in, policy, "policy network", "offline.policy " + offline.policy());
    (policy != null ? policy : q).refresh(host);
    hostStale = false;
  }

  @Override
  public String toString() {
    return "OfflineXqlAgent(V loss " + valueLoss + ", target " + config.target() + ", policy " + offline.policy()
        + (policy != null ? " beta=" + offline.advantageBeta() + " maxWeight=" + offline.maxWeight() : "") + ", Q " + q
        + ", " + replay + ")";
  }
}
