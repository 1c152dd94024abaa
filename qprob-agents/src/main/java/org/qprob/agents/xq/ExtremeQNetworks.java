package org.qprob.agents.xq;

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
import org.qprob.api.loss.PointLoss;
import org.qprob.api.loss.PointValues;

/**
 * What X-DQN's agents, online ({@code extreme-q}) and offline ({@code offline-xql}), are built from: the checks their
 * config must pass, and the Q network (A outputs), the V network (1 output, {@code extremeQ}'s rate and clip) and,
 * for {@code target-network}, a target Q that starts as a copy, drawn in that order from the stream {@code "weights"}
 * of the agent's seed.
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
}
