package org.qprob.agents.q;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.buffer.DataType;
import org.qprob.agents.AgentCheckpoint;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.config.TargetSource;
import org.qprob.agents.dataset.Dataset;
import org.qprob.agents.exploration.Exploration;
import org.qprob.agents.network.HostMlp;
import org.qprob.agents.network.Mlp;
import org.qprob.agents.network.ObservationEncoder;
import org.qprob.agents.network.OutputHead;
import org.qprob.agents.offline.DatasetReplay;
import org.qprob.agents.offline.OfflineLearner;
import org.qprob.agents.random.RandomStream;
import org.qprob.agents.random.Seeds;
import org.qprob.agents.replay.ReplayBatch;
import org.qprob.agents.training.FiniteParameters;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.UpdateResult;
import org.qprob.api.loss.Backup;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.PointLoss;

/**
 * Q-learning on a fixed dataset: the online agent's objective ({@link QObjective}: the injected loss, the backup and
 * the target source of the config, every one the online agent accepts) on batches drawn uniformly from the dataset,
 * with the target network following the online one every {@code target.updateEvery} gradient steps. With
 * {@code alpha > 0} it is discrete CQL (Kumar et al. 2020, CQL(H)): the TD loss plus
 * {@code alpha * (1/n) sum_i (logsumexp_a Q(s_i, a) - Q(s_i, a_i))}, which pushes down the values of actions the data
 * does not take and up those it does; that term needs point values (a {@link PointLoss}). With alpha 0 it is offline
 * DQN. It acts greedily on the loss's output model. Weights come from the stream {@code "weights"} of the agent's
 * seed, batches from {@code "replay"}.
 */
public final class OfflineQAgent implements OfflineLearner, FiniteParameters {
  private static final int CHECKPOINT_VERSION = 1;

  private final String name;
  private final double alpha;
  private final AgentConfig config;
  private final OutputHead head;
  private final ObservationEncoder encoder;
  private final QObjective objective;
  private final TargetSource source;
  private final Mlp online;
  private final Mlp target;
  private final HostMlp host;
  private final DatasetReplay replay;
  private final float[] actInput;
  private final double[] rawRow;
  private final double[] outRow;
  private final double[] preferences;
  private boolean hostStale;

  /**
   * An agent on single-precision networks; fails with one line if the config does not fit the loss.
   *
   * @param name the agent's name, for messages ({@code cql}, {@code offline-dqn})
   * @param alpha the weight of the conservative term, >= 0 (0: offline DQN)
   */
  public OfflineQAgent(AgentSetup setup, String name, double alpha) {
    this(setup, name, alpha, DataType.FLOAT);
  }

  OfflineQAgent(AgentSetup setup, String name, double alpha, DataType dataType) {
    this.name = name;
    this.alpha = alpha;
    this.config = setup.config();
    Loss loss = setup.loss();
    if (alpha > 0 && !(loss instanceof PointLoss)) {
      throw new IllegalArgumentException(name + ": loss " + loss.name() + " does not fit the conservative term, which"
          + " needs point Q values; expected a point loss such as l2 or huber (or offline.cqlAlpha = 0)");
    }
    Backup backup = QLearningAgent.resolveBackup(config, loss);
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
    RandomStream init = new RandomStream(Seeds.derive(setup.seed(), "weights"));
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
    this.replay = new DatasetReplay(name, config, encoder, na, setup.seed());
    this.actInput = new float[encoder.width()];
    this.rawRow = new double[head.outputs()];
    this.outRow = new double[head.outputs()];
    this.preferences = new double[na];
  }

  @Override
  public void learnFrom(Dataset data) {
    replay.fill(data);
  }

  /** The greedy action of the loss's output model, in either mode. */
  @Override
  public int act(float[] observation, ActMode mode) {
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
    return Exploration.argmax(preferences);
  }

  @Override
  public UpdateResult learn() {
    ReplayBatch batch = replay.sample();
    Step step = compute(batch, replay.discounts());
    double norm = online.step(step.gradient());
    hostStale = true;
    replay.countUpdate();
    if (target != null && replay.updates() % config.target().updateEvery() == 0) {
      target.follow(online, config.target().polyakTau());
    }
    return new UpdateResult(1, step.loss(), step.meanBeta(), norm);
  }

  /** One batch's loss (TD plus conservative term), its parts and its gradient, not applied. */
  record Step(double loss, double tdLoss, double conservative, double meanBeta, Gradient gradient) {
  }

  Step compute(ReplayBatch batch, double[] discounts) {
    int n = batch.size();
    if (source == TargetSource.ONLINE_GRAD) {
      double[] raw = online.forwardForTrainingFlat(batch.statesAndNextStates(), 2 * n);
      int half = n * head.outputs();
      double[] rawS = Arrays.copyOfRange(raw, 0, half);
      QObjective.Result r = objective.evaluate(batch.actions(), batch.rewards(), discounts, batch.weights(), rawS,
          Arrays.copyOfRange(raw, half, 2 * half), null);
      double conservative = conservative(rawS, batch.actions(), r.dRaw());
      double[] eps = Arrays.copyOf(r.dRaw(), 2 * half);
      System.arraycopy(r.dRawNext(), 0, eps, half, half);
      return new Step(r.loss() + alpha * conservative, r.loss(), conservative, r.meanBeta(), online.gradient(eps));
    }
    double[] rawNext = nextOutputs(batch);
    double[] rawSelect = source == TargetSource.DOUBLE ? online.outputFlat(batch.nextStates(), n) : null;
    double[] rawS = online.forwardForTrainingFlat(batch.states(), n);
    QObjective.Result r = objective.evaluate(batch.actions(), batch.rewards(), discounts, batch.weights(), rawS,
        rawNext, rawSelect);
    double conservative = conservative(rawS, batch.actions(), r.dRaw());
    return new Step(r.loss() + alpha * conservative, r.loss(), conservative, r.meanBeta(), online.gradient(r.dRaw()));
  }

  /**
   * The batch mean of {@code logsumexp_a Q(s_i, a) - Q(s_i, a_i)}; adds {@code alpha} times its gradient
   * {@code (1/n) (softmax_a Q(s_i, .) - onehot(a_i)) * dQ/draw} to {@code dRaw} (nothing when alpha is 0).
   */
  private double conservative(double[] rawS, int[] actions, double[] dRaw) {
    int n = actions.length;
    int w = head.outputs();
    int na = head.actions();
    double[] qs = new double[na];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int a = 0; a < na; a++) {
        qs[a] = head.value(rawS, i * w, a);
        max = Math.max(max, qs[a]);
      }
      double z = 0;
      for (int a = 0; a < na; a++) {
        z += Math.exp(qs[a] - max);
      }
      double lse = max + Math.log(z);
      sum += lse - qs[actions[i]];
      if (alpha > 0) {
        for (int a = 0; a < na; a++) {
          double g = Math.exp(qs[a] - lse) - (a == actions[i] ? 1 : 0);
          dRaw[i * w + a] += alpha / n * g * head.slope(rawS, i * w, a);
        }
      }
    }
    return sum / n;
  }

  /** The raw next-state outputs of the batch from the network that values them (target, else online). */
  private double[] nextOutputs(ReplayBatch batch) {
    int n = batch.size();
    return target != null ? target.outputFlat(batch.nextStates(), n) : online.outputFlat(batch.nextStates(), n);
  }

  /**
   * The batch loss at the current parameters without any gradient; with {@code frozenNext} the next-state outputs
   * are those given instead of being recomputed (what stop-gradient means).
   */
  double loss(ReplayBatch batch, double[] discounts, double[] frozenNext) {
    int n = batch.size();
    double[] rawS = online.outputFlat(batch.states(), n);
    double[] rawNext = frozenNext != null ? frozenNext : nextOutputs(batch);
    double[] rawSelect = source == TargetSource.DOUBLE ? online.outputFlat(batch.nextStates(), n) : null;
    double td = objective.evaluate(batch.actions(), batch.rewards(), discounts, batch.weights(), rawS, rawNext,
        rawSelect).loss();
    return td + alpha * conservative(rawS, batch.actions(), new double[n * head.outputs()]);
  }

  /** The raw next-state outputs of a batch, as {@link #loss} recomputes them. */
  double[] frozenNext(ReplayBatch batch) {
    return nextOutputs(batch);
  }

  Mlp online() {
    return online;
  }

  Mlp target() {
    return target;
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
    return online.parametersFinite() && (target == null || target.parametersFinite());
  }

  @Override
  public void checkpoint(DataOutputStream out) throws IOException {
    out.writeInt(CHECKPOINT_VERSION);
    replay.write(out);
    online.write(out);
    AgentCheckpoint.writeOptional(out, target);
  }

  @Override
  public void restore(DataInputStream in) throws IOException {
    AgentCheckpoint.readVersion(in, name, CHECKPOINT_VERSION);
    replay.read(in);
    online.read(in);
    AgentCheckpoint.readOptional(in, target, "target network", "target.source " + source);
    online.refresh(host);
    hostStale = false;
  }

  @Override
  public String toString() {
    return "OfflineQAgent(" + name + (alpha > 0 ? ", alpha=" + alpha : "") + ", " + objective + ", source=" + source
        + ", " + online + ", " + replay + ")";
  }
}
