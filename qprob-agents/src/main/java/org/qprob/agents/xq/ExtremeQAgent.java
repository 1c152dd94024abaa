package org.qprob.agents.xq;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.nd4j.linalg.api.buffer.DataType;
import org.qprob.agents.AgentCheckpoint;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.Experience;
import org.qprob.agents.GradientStepTally;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.network.HostMlp;
import org.qprob.agents.network.Mlp;
import org.qprob.agents.network.ObservationEncoder;
import org.qprob.agents.network.OutputHead;
import org.qprob.agents.replay.BootstrapDiscount;
import org.qprob.agents.replay.ReplayBatch;
import org.qprob.agents.training.FiniteParameters;
import org.qprob.agents.xq.ExtremeQNetworks.Regression;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.Agent;
import org.qprob.api.agent.Transition;
import org.qprob.api.agent.UpdateResult;
import org.qprob.api.agent.ValuePredictor;
import org.qprob.api.dist.Distribution;
import org.qprob.api.loss.PointLoss;

/**
 * Extreme Q-learning for discrete actions (X-DQN), as in the XQL paper's online algorithm with IQL's layout:
 * <ul>
 *   <li>Q(s, a) regresses with squared error {@code (Q(s, a) - y)^2} toward
 *       {@code y = R + gamma^k * (1 - terminated) * V(s')} (online V, no gradient into it; R the k-step return of
 *       the stored transition, k = 1 unless {@code replay.nStep > 1});</li>
 *   <li>V(s) regresses with the injected loss (the Gumbel regression {@code xql}, whose beta is the loss's option) on
 *       {@code Q_target(s, a)} for the buffer's actions, so V learns {@code beta * log E_a~buffer[exp(Q(s, a) / beta)]};
 *       Q_target is the target Q network for {@code target.source = target-network}, the online Q (before this step)
 *       for {@code online-stop}.</li>
 * </ul>
 * Both networks have the {@link org.qprob.agents.config.NetworkConfig} shape (V with one output) and take one step per
 * update. The policy is the configured exploration over Q (softmax(Q / beta) is Boltzmann at temperature beta).
 * The reported loss is Q's squared TD error. Both losses weight each sample by the sampler's weight (1 for uniform
 * replay, the importance weight for {@code replay.kind = prioritized}, whose priority signal is Q's |TD error|
 * {@code |Q(s, a) - y|}); n-step returns and prioritized replay are both accepted.
 */
public final class ExtremeQAgent implements Agent, ValuePredictor, FiniteParameters {
  /** 2: the replay buffer's bootstrap steps, the sampler's state and the n-step window (issue 15). */
  private static final int CHECKPOINT_VERSION = 2;

  private final AgentConfig config;
  private final ExtremeQNetworks networks;
  private final PointLoss valueLoss;
  private final OutputHead qHead;
  private final ObservationEncoder encoder;
  private final Mlp q;
  private final Mlp v;
  private final Mlp qTarget;
  private final HostMlp host;
  private final Experience experience;
  private final ReplayBatch batch;
  private final BootstrapDiscount discount;
  private final int[] indices;
  private final float[] actInput;
  private final double[] rawRow;
  private final double[] preferences;
  private boolean hostStale;

  /** An agent on single-precision networks; fails with one line if the config does not fit the loss. */
  public ExtremeQAgent(AgentSetup setup) {
    this(setup, DataType.FLOAT);
  }

  ExtremeQAgent(AgentSetup setup, DataType dataType) {
    this.config = setup.config();
    this.networks = ExtremeQNetworks.create("extreme-q", setup, dataType);
    this.valueLoss = networks.valueLoss();
    this.qHead = networks.qHead();
    this.encoder = networks.encoder();
    this.q = networks.q();
    this.v = networks.v();
    this.qTarget = networks.qTarget();
    long seed = setup.seed();
    int na = setup.actionSpace().n();
    this.host = q.hostCopy();
    this.experience = new Experience(config.replay(), config.exploration(), encoder.rawWidth(), seed, config.gamma(),
        setup.newSampler());
    this.indices = new int[config.replay().batchSize()];
    this.batch = new ReplayBatch(indices.length, encoder);
    this.discount = new BootstrapDiscount(config.gamma(), config.replay().nStep());
    this.actInput = new float[encoder.width()];
    this.rawRow = new double[na];
    this.preferences = new double[na];
  }

  @Override
  public int act(float[] observation, ActMode mode) {
    computePreferences(observation);
    return experience.exploration().select(preferences, mode);
  }

  /** Q(s, .) from the plain-Java copy of the Q network into {@code preferences}. */
  private void computePreferences(float[] observation) {
    if (hostStale) {
      q.refresh(host);
      hostStale = false;
    }
    encoder.encode(observation, actInput, 0);
    float[] raw = host.forward(actInput);
    for (int k = 0; k < raw.length; k++) {
      rawRow[k] = raw[k];
    }
    qHead.transform(rawRow, preferences, 0);
  }

  /** Q(s, a) of the Q network, as acting computes it. */
  @Override
  public double[] actionValues(float[] observation) {
    computePreferences(observation);
    return preferences.clone();
  }

  /** False: extreme-q's Q network predicts point values. */
  @Override
  public boolean distributional() {
    return false;
  }

  /** Not available: extreme-q predicts point values only. */
  @Override
  public Distribution[] returnDistributions(float[] observation) {
    throw new UnsupportedOperationException("returnDistributions: extreme-q predicts only point values (see "
        + "distributional())");
  }

  @Override
  public void observe(Transition t) {
    experience.observe(t);
  }

  /**
   * At most once per environment step: when experience says an update is due, {@code replay.gradientSteps} steps
   * (default one) of each network, each on a freshly sampled batch (Q toward
   * {@code y = R + gamma^k * (1 - terminated) * V(s')}, V by Gumbel regression on {@code Q_target(s, a)}); a
   * prioritized sampler gets Q's |TD error|; then the target Q network follows Q every {@code target.updateEvery}
   * steps.
   */
  @Override
  public UpdateResult update() {
    if (!experience.claimStep()) {
      return UpdateResult.NONE;
    }
    GradientStepTally tally = new GradientStepTally();
    if (experience.updateDue()) {
      for (int k = 0; k < experience.gradientSteps(); k++) {
        experience.sample(indices, batch.weights());
        Regression s = compute(indices);
        if (experience.usesPriorities()) {
          experience.prioritize(indices, s.tdError());
        }
        double gradientNorm = Math.hypot(q.step(s.qGradient()), v.step(s.vGradient()));
        hostStale = true;
        experience.countUpdate();
        tally.add(s.qLoss(), Double.NaN, gradientNorm);
      }
    }
    if (qTarget != null && experience.atStepMultipleOf(config.target().updateEvery())) {
      qTarget.follow(q, config.target().polyakTau());
    }
    return tally.result();
  }

  /** The gradients of one batch, not applied, and Q's per-sample |TD error|. */
  Regression compute(int[] idx) {
    batch.load(experience.buffer(), idx);
    return networks.regress(batch, batch.discounts(discount), true);
  }

  /** The batch-mean Q and V losses at the current parameters, without gradients. */
  double[] losses(int[] idx) {
    batch.load(experience.buffer(), idx);
    Regression s = networks.regress(batch, batch.discounts(discount), false);
    return new double[] {s.qLoss(), s.vLoss()};
  }

  Mlp q() {
    return q;
  }

  /** The batch the updates load (its weights are the sampler's, for tests to set). */
  ReplayBatch batch() {
    return batch;
  }

  Mlp v() {
    return v;
  }

  Mlp qTarget() {
    return qTarget;
  }

  @Override
  public boolean parametersFinite() {
    return q.parametersFinite() && v.parametersFinite() && (qTarget == null || qTarget.parametersFinite());
  }

  @Override
  public double explorationParameter() {
    return experience.explorationParameter();
  }

  /** Environment steps observed. */
  public long steps() {
    return experience.steps();
  }

  /** Gradient steps taken (each moves both Q and V). */
  public long updates() {
    return experience.updates();
  }

  @Override
  public void checkpoint(DataOutputStream out) throws IOException {
    out.writeInt(CHECKPOINT_VERSION);
    experience.writeCounters(out);
    q.write(out);
    v.write(out);
    AgentCheckpoint.writeOptional(out, qTarget);
    experience.writeMemory(out);
  }

  @Override
  public void restore(DataInputStream in) throws IOException {
    AgentCheckpoint.readVersion(in, "extreme-q", CHECKPOINT_VERSION, 1,
        "version 1 predates prioritized and n-step replay; start the run afresh");
    experience.readCounters(in);
    q.read(in);
    v.read(in);
    AgentCheckpoint.readOptional(in, qTarget, "target network", "target.source " + config.target().source());
    experience.readMemory(in);
    q.refresh(host);
    hostStale = false;
  }

  @Override
  public String toString() {
    return "ExtremeQAgent(V loss " + valueLoss + ", target " + config.target() + ", Q " + q + ", V " + v + ", "
        + experience + ")";
  }
}
