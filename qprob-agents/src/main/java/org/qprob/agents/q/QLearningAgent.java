package org.qprob.agents.q;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.buffer.DataType;
import org.qprob.agents.AgentCheckpoint;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.Experience;
import org.qprob.agents.GradientStepTally;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.config.BackupConfig;
import org.qprob.agents.config.TargetSource;
import org.qprob.agents.network.HostMlp;
import org.qprob.agents.network.Mlp;
import org.qprob.agents.network.ObservationEncoder;
import org.qprob.agents.network.OutputHead;
import org.qprob.agents.random.RandomStream;
import org.qprob.agents.random.Seeds;
import org.qprob.agents.replay.BootstrapDiscount;
import org.qprob.agents.replay.ReplayBatch;
import org.qprob.agents.replay.ReplayBuffer;
import org.qprob.agents.training.FiniteParameters;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.Agent;
import org.qprob.api.agent.Transition;
import org.qprob.api.agent.UpdateResult;
import org.qprob.api.agent.ValuePredictor;
import org.qprob.api.dist.Distribution;
import org.qprob.api.loss.Backup;
import org.qprob.api.loss.Loss;

/**
 * Q-learning with an injected loss. One online MLP (and, for {@code target-network} / {@code double}, a target copy
 * that follows it every {@code target.updateEvery} environment steps); a replay buffer of one- or n-step transitions
 * ({@code replay.nStep}) sampled as {@code replay.kind} says (uniform, or prioritized with importance weights and
 * priorities from the loss's per-sample signal); the Bellman backup
 * (hard max, soft, or the Gumbel backup the loss builds itself) and the target source from the config.
 * {@code replay.gradientSteps} gradient steps per {@code replay.updateEvery} environment steps once more than
 * {@code replay.learningStarts} environment steps have been taken. Bootstrapping stops at {@code terminated} only: a truncated step still bootstraps.
 *
 * <p>Acting runs a plain-Java copy of the online parameters ({@link HostMlp}), refreshed lazily after updates.
 * Random streams (initial weights, exploration, replay sampling) are derived from the setup's seed.
 */
public final class QLearningAgent implements Agent, ValuePredictor, FiniteParameters {
  /** 2: the replay buffer's bootstrap steps, the sampler's state and the n-step window (issue 15). */
  private static final int CHECKPOINT_VERSION = 2;

  private final AgentConfig config;
  private final OutputHead head;
  private final ObservationEncoder encoder;
  private final QObjective objective;
  private final TargetSource source;
  private final Mlp online;
  private final Mlp target;
  private final HostMlp host;
  private final Experience experience;
  private final int[] indices;
  private final ReplayBatch batch;
  private final BootstrapDiscount discount;
  private final float[] actInput;
  private final double[] rawRow;
  private final double[] outRow;
  private final double[] preferences;
  private boolean hostStale;

  /** An agent on single-precision networks; fails with one line if the config does not fit the loss. */
  public QLearningAgent(AgentSetup setup) {
    this(setup, DataType.FLOAT);
  }

  QLearningAgent(AgentSetup setup, DataType dataType) {
    this.config = setup.config();
    Loss loss = setup.loss();
    Backup backup = resolveBackup(config, loss);
    this.source = config.target().kind();
    if (!backup.selectsAction() && source == TargetSource.DOUBLE) {
      throw new IllegalArgumentException("target.source = \"double\" does not fit the " + backup
          + " backup; expected one of [online-grad, online-stop, target-network]");
    }
    int na = setup.actionSpace().n();
    this.head = new OutputHead(loss.outputModel(na), config.network());
    this.encoder = new ObservationEncoder(setup.observationSpace());
    this.objective = new QObjective(loss, head, backup, config.backup().alpha(), config.gamma(),
        source == TargetSource.ONLINE_GRAD);
    long seed = setup.seed();
    RandomStream init = new RandomStream(Seeds.derive(seed, "weights"));
    this.online = Mlp.create(config.network(), encoder.shape(), head.outputs(), config.optimizer(),
        config.optimizer().learningRate(), config.optimizer().gradClipNorm(), dataType, init);
    if (source.usesTargetNetwork()) {
      this.target = Mlp.create(config.network(), encoder.shape(), head.outputs(), config.optimizer(),
          config.optimizer().learningRate(), 0, dataType, init);
      target.follow(online, 1.0);
    } else {
      this.target = null;
    }
    this.host = online.hostCopy();
    this.experience = new Experience(config.replay(), config.exploration(), encoder.rawWidth(), seed, config.gamma(),
        setup.newSampler());
    this.indices = new int[config.replay().batchSize()];
    this.batch = new ReplayBatch(indices.length, encoder);
    this.discount = new BootstrapDiscount(config.gamma(), config.replay().nStep());
    this.actInput = new float[encoder.width()];
    this.rawRow = new double[head.outputs()];
    this.outRow = new double[head.outputs()];
    this.preferences = new double[na];
  }

  /**
   * The backup a config and a loss ask for ({@code auto}: the loss's first), or one line saying why they do not fit,
   * naming the backups that do.
   */
  static Backup resolveBackup(AgentConfig config, Loss loss) {
    List<Backup> fits = loss.backups();
    if (config.backup().kind().equals(BackupConfig.AUTO)) {
      return fits.get(0);
    }
    Backup backup = Backup.of(config.backup().kind());
    if (!fits.contains(backup)) {
      throw new IllegalArgumentException("backup.kind = \"" + backup + "\" does not fit loss " + loss.name()
          + "; expected one of " + fits + " (or auto)");
    }
    return backup;
  }

  @Override
  public int act(float[] observation, ActMode mode) {
    computePreferences(observation);
    return experience.exploration().select(preferences, mode);
  }

  private void computePreferences(float[] observation) {
    if (hostStale) {
      online.refresh(host);
      hostStale = false;
    }
    encoder.encode(observation, actInput, 0);
    float[] raw = host.forward(actInput);
    for (int k = 0; k < raw.length; k++) {
      rawRow[k] = raw[k];
    }
    head.transform(rawRow, outRow, 0);
    head.model().preferences(outRow, 0, preferences);
  }

  /** The preferences {@link #act} chooses from, computed the way it computes them (plain Java). */
  double[] actingPreferences(float[] observation) {
    computePreferences(observation);
    return preferences.clone();
  }

  /** Per-action preferences of a raw output row, as the output model gives them (Q, or mu / beta(s) for a Gumbel head). */
  void preferencesOf(double[] raw, double[] out) {
    double[] row = new double[head.outputs()];
    head.transform(raw, row, 0);
    head.model().preferences(row, 0, out);
  }

  @Override
  public void observe(Transition t) {
    experience.observe(t);
  }

  /**
   * At most once per environment step: when experience says an update is due, {@code replay.gradientSteps} gradient
   * steps (default one), each on a freshly sampled batch toward the Bellman target, for the max backup (DQN)
   * {@code y = R + gamma^k * (1 - terminated) * max_a' Q_target(s', a')} (R the k-step return, k = 1 unless
   * {@code replay.nStep > 1}), each sample's loss weighted by its importance weight (1 for uniform replay), with
   * Q_target the network {@code target.source} names (double DQN values {@code argmax_a' Q(s', a')} with
   * Q_target; the soft and Gumbel backups are in {@link QObjective}); a prioritized sampler then gets the loss's
   * per-sample priority signal for the batch; then the target network follows the online one every
   * {@code target.updateEvery} steps.
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
        Step step = compute(indices);
        if (experience.usesPriorities()) {
          experience.prioritize(indices, step.priority());
        }
        double gradientNorm = online.step(step.gradient());
        hostStale = true;
        experience.countUpdate();
        tally.add(step.loss(), step.meanBeta(), gradientNorm);
      }
    }
    if (target != null && experience.atStepMultipleOf(config.target().updateEvery())) {
      target.follow(online, config.target().polyakTau());
    }
    return tally.result();
  }

  /** The gradient of one batch's weighted mean loss, not applied, and the loss's per-sample priority signal. */
  record Step(double loss, double meanBeta, Gradient gradient, double[] priority) {
  }

  Step compute(int[] idx) {
    int n = idx.length;
    batch.load(experience.buffer(), idx);
    if (source == TargetSource.ONLINE_GRAD) {
      // One forward pass over s and s', and the loss gradient flows into both halves.
      double[] raw = online.forwardForTrainingFlat(batch.statesAndNextStates(), 2 * n);
      int half = n * head.outputs();
      QObjective.Result r = objective.evaluate(batch.actions(), batch.rewards(), batch.discounts(discount),
          batch.weights(), Arrays.copyOfRange(raw, 0, half), Arrays.copyOfRange(raw, half, 2 * half), null);
      double[] eps = Arrays.copyOf(r.dRaw(), 2 * half);
      System.arraycopy(r.dRawNext(), 0, eps, half, half);
      return new Step(r.loss(), r.meanBeta(), online.gradient(eps), r.priority());
    }
    float[] next = batch.nextStates();
    double[] rawNext = switch (source) {
      case ONLINE_GRAD, ONLINE_STOP -> online.outputFlat(next, n);
      case TARGET_NETWORK, DOUBLE -> target.outputFlat(next, n);
    };
    double[] rawSelect = source == TargetSource.DOUBLE ? online.outputFlat(next, n) : null;
    double[] rawS = online.forwardForTrainingFlat(batch.states(), n);
    QObjective.Result r = objective.evaluate(batch.actions(), batch.rewards(), batch.discounts(discount),
        batch.weights(), rawS, rawNext, rawSelect);
    return new Step(r.loss(), r.meanBeta(), online.gradient(r.dRaw()), r.priority());
  }

  /**
   * The batch-mean loss of batch {@code idx} at the current parameters without any gradient; with
   * {@code frozenNext} the next-state outputs are those given instead of being recomputed (what stop-gradient means).
   */
  double loss(int[] idx, double[] frozenNext) {
    int n = idx.length;
    batch.load(experience.buffer(), idx);
    double[] rawS = online.outputFlat(batch.states(), n);
    double[] rawNext = frozenNext != null ? frozenNext : nextOutputs(idx);
    double[] rawSelect = source == TargetSource.DOUBLE ? online.outputFlat(batch.nextStates(), n) : null;
    return objective.evaluate(batch.actions(), batch.rewards(), batch.discounts(discount), batch.weights(), rawS,
        rawNext, rawSelect).loss();
  }

  /** The raw next-state outputs of batch {@code idx} from the network that values them (target, else online). */
  double[] nextOutputs(int[] idx) {
    batch.load(experience.buffer(), idx);
    float[] next = batch.nextStates();
    return target != null ? target.outputFlat(next, idx.length) : online.outputFlat(next, idx.length);
  }

  Mlp online() {
    return online;
  }

  Mlp target() {
    return target;
  }

  ReplayBuffer buffer() {
    return experience.buffer();
  }

  OutputHead head() {
    return head;
  }

  /** The batch the updates load (its weights are the sampler's, for tests to set). */
  ReplayBatch batch() {
    return batch;
  }

  Experience experience() {
    return experience;
  }

  /**
   * Q(s, a) as acting computes it (the plain-Java copy of the online network, after the clip / exp transforms), as the
   * loss's output model reads it: the values of a point head, the mean {@code mu + EulerGamma * beta} of a Gumbel head,
   * the mean of a categorical or quantile prediction.
   */
  @Override
  public double[] actionValues(float[] observation) {
    computePreferences(observation);
    double[] q = new double[head.actions()];
    head.model().expectedValues(outRow, 0, q);
    return q;
  }

  /** Whether the loss's output model predicts a return distribution per action. */
  @Override
  public boolean distributional() {
    return head.model().distributional();
  }

  /** Each action's predicted return distribution, from the outputs acting uses. */
  @Override
  public Distribution[] returnDistributions(float[] observation) {
    if (!distributional()) {
      throw new UnsupportedOperationException("returnDistributions: this agent's loss has a point head; it predicts "
          + "only point values (see distributional())");
    }
    computePreferences(observation);
    Distribution[] out = new Distribution[head.actions()];
    for (int a = 0; a < out.length; a++) {
      out[a] = head.model().distribution(outRow, 0, a);
    }
    return out;
  }

  @Override
  public boolean parametersFinite() {
    return online.parametersFinite() && (target == null || target.parametersFinite());
  }

  @Override
  public double explorationParameter() {
    return experience.explorationParameter();
  }

  /** Environment steps observed. */
  public long steps() {
    return experience.steps();
  }

  /** Gradient steps taken. */
  public long updates() {
    return experience.updates();
  }

  @Override
  public void checkpoint(DataOutputStream out) throws IOException {
    out.writeInt(CHECKPOINT_VERSION);
    experience.writeCounters(out);
    online.write(out);
    AgentCheckpoint.writeOptional(out, target);
    experience.writeMemory(out);
  }

  @Override
  public void restore(DataInputStream in) throws IOException {
    AgentCheckpoint.readVersion(in, "q-learning", CHECKPOINT_VERSION, 1,
        "version 1 predates prioritized and n-step replay; start the run afresh");
    experience.readCounters(in);
    online.read(in);
    AgentCheckpoint.readOptional(in, target, "target network", "target.source " + source);
    experience.readMemory(in);
    online.refresh(host);
    hostStale = false;
  }

  @Override
  public String toString() {
    return "QLearningAgent(" + objective + ", source=" + source + ", " + online + ", " + experience + ")";
  }
}
