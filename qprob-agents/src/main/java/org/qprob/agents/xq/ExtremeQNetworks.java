package org.qprob.agents.xq;

import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.buffer.DataType;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.config.BackupConfig;
import org.qprob.agents.config.TargetSource;
import org.qprob.agents.network.Mlp;
import org.qprob.agents.network.ObservationEncoder;
import org.qprob.agents.network.OutputHead;
import org.qprob.agents.random.RandomStream;
import org.qprob.agents.random.Seeds;
import org.qprob.agents.replay.ReplayBatch;
import org.qprob.api.loss.PointLoss;
import org.qprob.api.loss.PointValues;

/**
 * What X-DQN's agents, online ({@code extreme-q}) and offline ({@code offline-xql}), are built from: the checks their
 * config must pass, and the Q network (A outputs), the V network (1 output, {@code extremeQ}'s rate and clip) and,
 * for {@code target-network}, a target Q that starts as a copy, drawn in that order from the stream {@code "weights"}
 * of the agent's seed; and the one batch step both agents take with them ({@link #regress}).
 *
 * @param valueLoss the point loss V is regressed with (e.g. xql)
 * @param init the weight stream, after those networks' draws (for any further network an agent builds)
 * @param qTarget null unless {@code target.source = target-network}
 */
public record ExtremeQNetworks(PointLoss valueLoss, OutputHead qHead, OutputHead vHead, ObservationEncoder encoder,
    Mlp q, Mlp v, Mlp qTarget, RandomStream init) {

  /**
   * The networks of {@code setup}, or one line naming {@code agent} and what does not fit: a loss that is not a point
   * loss, a target source other than target-network and online-stop, a backup other than auto.
   */
  public static ExtremeQNetworks create(String agent, AgentSetup setup, DataType dataType) {
    AgentConfig config = setup.config();
    if (!(setup.loss() instanceof PointLoss valueLoss)) {
      throw new IllegalArgumentException(agent + ": loss " + setup.loss().name()
          + " does not fit the V network; expected a point loss such as xql");
    }
    TargetSource source = config.target().kind();
    if (source != TargetSource.TARGET_NETWORK && source != TargetSource.ONLINE_STOP) {
      throw new IllegalArgumentException("target.source = \"" + source
          + "\" does not fit " + agent + "; expected one of [target-network, online-stop]");
    }
    if (!config.backup().kind().equals(BackupConfig.AUTO)) {
      throw new IllegalArgumentException("backup.kind = \"" + config.backup().kind()
          + "\" does not fit " + agent + " (its backup is V(s') learned by Gumbel regression); expected auto");
    }
    int na = setup.actionSpace().n();
    OutputHead qHead = new OutputHead(new PointValues(na), config.network());
    OutputHead vHead = new OutputHead(new PointValues(1), config.network());
    ObservationEncoder encoder = new ObservationEncoder(setup.observationSpace());
    RandomStream init = new RandomStream(Seeds.derive(setup.seed(), "weights"));
    double lr = config.optimizer().learningRate();
    double vLr = config.extremeQ().valueLearningRate() > 0 ? config.extremeQ().valueLearningRate() : lr;
    Mlp q = Mlp.create(config.network(), encoder.shape(), na, config.optimizer(), lr,
        config.optimizer().gradClipNorm(), dataType, init);
    Mlp v = Mlp.create(config.network(), encoder.shape(), 1, config.optimizer(), vLr,
        config.extremeQ().valueGradClipNorm(), dataType, init);
    Mlp qTarget = null;
    if (source == TargetSource.TARGET_NETWORK) {
      qTarget = Mlp.create(config.network(), encoder.shape(), na, config.optimizer(), lr, 0, dataType, init);
      qTarget.follow(q, 1.0);
    }
    return new ExtremeQNetworks(valueLoss, qHead, vHead, encoder, q, v, qTarget, init);
  }

  /**
   * One batch of X-DQN's two regressions, each sample weighted by {@code batch.weights()} (all 1 unless a prioritized
   * sampler set importance weights), the losses batch means:
   * <ul>
   *   <li>Q(s, a) by squared error toward {@code y = r + d * (1 - terminated) * V(s')} ({@code d} the sample's
   *       discount, V(s') of the V network before this step, no gradient into it);</li>
   *   <li>V(s) by {@link #valueLoss} on {@code Q_target(s, a)} (the target Q network, or Q itself before this step
   *       when there is none).</li>
   * </ul>
   *
   * @param batch a loaded batch
   * @param discounts each sample's discount (its value where s' is terminal is not read)
   * @param withGradient whether to run the training passes and return the gradients (else they are null)
   */
  public Regression regress(ReplayBatch batch, double[] discounts, boolean withGradient) {
    int n = batch.size();
    float[] states = batch.states();
    double[][] rawVNext = v.output(batch.nextStates(), n);
    double[][] rawQTarget = qTarget != null ? qTarget.output(states, n) : null;
    int[] actions = batch.actions();
    double[] rewards = batch.rewards();
    boolean[] terminated = batch.terminated();
    double[] weights = batch.weights();
    double[] tdError = new double[n];

    double[][] rawQ = withGradient ? q.forwardForTraining(states, n) : q.output(states, n);
    double[][] dRawQ = new double[n][qHead.outputs()];
    double[] valueTarget = new double[n];
    double qLoss = 0;
    for (int i = 0; i < n; i++) {
      // y = r + d * (1 - terminated) * V(s')
      double y = rewards[i] + (terminated[i] ? 0 : discounts[i] * vHead.value(rawVNext[i], 0));
      double qsa = qHead.value(rawQ[i], actions[i]);
      double e = qsa - y;
      qLoss += e * e * weights[i];
      tdError[i] = Math.abs(e);
      dRawQ[i][actions[i]] = 2 * e * weights[i] / n * qHead.slope(rawQ[i], actions[i]);
      valueTarget[i] = rawQTarget != null ? qHead.value(rawQTarget[i], actions[i]) : qsa;
    }
    Gradient qGradient = withGradient ? q.gradient(dRawQ) : null;

    double[][] rawV = withGradient ? v.forwardForTraining(states, n) : v.output(states, n);
    double[] value = new double[n];
    for (int i = 0; i < n; i++) {
      value[i] = vHead.value(rawV[i], 0);
    }
    double[] dValue = new double[n];
    double[] perSample = valueLoss.regress(value, valueTarget, dValue, null);
    double vLoss = 0;
    double[][] dRawV = new double[n][1];
    for (int i = 0; i < n; i++) {
      vLoss += perSample[i] * weights[i];
      dRawV[i][0] = dValue[i] * weights[i] / n * vHead.slope(rawV[i], 0);
    }
    return new Regression(qLoss / n, vLoss / n, qGradient, withGradient ? v.gradient(dRawV) : null, tdError,
        valueTarget, value);
  }

  /**
   * The outcome of {@link #regress}: gradients not yet applied.
   *
   * @param qLoss Q's weighted mean squared TD error
   * @param vLoss V's weighted mean regression loss
   * @param qGradient Q's gradient, or null without gradients
   * @param vGradient V's gradient, or null without gradients
   * @param tdError each sample's {@code |Q(s, a) - y|} (the prioritized sampler's signal)
   * @param valueTarget each sample's {@code Q_target(s, a)}, V's regression target
   * @param value each sample's {@code V(s)} before the step
   */
  public record Regression(double qLoss, double vLoss, Gradient qGradient, Gradient vGradient, double[] tdError,
      double[] valueTarget, double[] value) {
  }
}
