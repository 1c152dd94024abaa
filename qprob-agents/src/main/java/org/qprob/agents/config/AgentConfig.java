package org.qprob.agents.config;

/**
 * Everything that configures one agent; the YAML {@code agent:} section maps onto it. Null sections become their
 * {@code defaults()}. Cross-field rules that depend on the loss (e.g. a {@code gumbel} backup needs a Gumbel-head
 * loss) are checked when the agent is built.
 *
 * @param type the agent plugin: {@code q-learning}, {@code extreme-q}, the offline {@code offline-xql}, {@code cql},
 *     {@code offline-dqn} and {@code bc} (or a plugin's name); default {@code q-learning}
 * @param gamma the discount in (0, 1]; default 0.99 (both original scripts)
 * @param network the MLP; default {@link NetworkConfig#defaults()}
 * @param optimizer the gradient step; default {@link OptimizerConfig#defaults()}
 * @param replay the replay buffer; default {@link ReplayConfig#defaults()}
 * @param exploration the training policy; default {@link ExplorationConfig#defaults()}
 * @param target the next-state value source; default {@link TargetConfig#defaults()}
 * @param backup the Bellman backup (q-learning); default {@link BackupConfig#defaults()}
 * @param extremeQ the X-DQN extras (extreme-q; offline-xql's V network too); default {@link ExtremeQConfig#defaults()}
 * @param offline the offline agents' dataset and extras; default {@link OfflineConfig#defaults()}
 */
public record AgentConfig(String type, double gamma, NetworkConfig network, OptimizerConfig optimizer,
    ReplayConfig replay, ExplorationConfig exploration, TargetConfig target, BackupConfig backup,
    ExtremeQConfig extremeQ, OfflineConfig offline) {

  public AgentConfig {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("agent.type = " + ConfigChecks.show(type) + " is invalid; expected an agent name such as q-learning or extreme-q");
    }
    ConfigChecks.range("agent.gamma", gamma, Double.MIN_VALUE, 1, "a discount in (0, 1]");
    network = network == null ? NetworkConfig.defaults() : network;
    optimizer = optimizer == null ? OptimizerConfig.defaults() : optimizer;
    replay = replay == null ? ReplayConfig.defaults() : replay;
    exploration = exploration == null ? ExplorationConfig.defaults() : exploration;
    target = target == null ? TargetConfig.defaults() : target;
    backup = backup == null ? BackupConfig.defaults() : backup;
    extremeQ = extremeQ == null ? ExtremeQConfig.defaults() : extremeQ;
    offline = offline == null ? OfflineConfig.defaults() : offline;
  }

  /** A q-learning agent with every section at its default: DQN with a target network if the loss is a point loss. */
  public static AgentConfig defaults() {
    return new AgentConfig("q-learning", 0.99, null, null, null, null, null, null, null, null);
  }

  public AgentConfig withType(String value) {
    return new AgentConfig(value, gamma, network, optimizer, replay, exploration, target, backup, extremeQ, offline);
  }

  public AgentConfig withGamma(double value) {
    return new AgentConfig(type, value, network, optimizer, replay, exploration, target, backup, extremeQ, offline);
  }

  public AgentConfig withNetwork(NetworkConfig value) {
    return new AgentConfig(type, gamma, value, optimizer, replay, exploration, target, backup, extremeQ, offline);
  }

  public AgentConfig withOptimizer(OptimizerConfig value) {
    return new AgentConfig(type, gamma, network, value, replay, exploration, target, backup, extremeQ, offline);
  }

  public AgentConfig withReplay(ReplayConfig value) {
    return new AgentConfig(type, gamma, network, optimizer, value, exploration, target, backup, extremeQ, offline);
  }

  public AgentConfig withExploration(ExplorationConfig value) {
    return new AgentConfig(type, gamma, network, optimizer, replay, value, target, backup, extremeQ, offline);
  }

  public AgentConfig withTarget(TargetConfig value) {
    return new AgentConfig(type, gamma, network, optimizer, replay, exploration, value, backup, extremeQ, offline);
  }

  public AgentConfig withBackup(BackupConfig value) {
    return new AgentConfig(type, gamma, network, optimizer, replay, exploration, target, value, extremeQ, offline);
  }

  public AgentConfig withExtremeQ(ExtremeQConfig value) {
    return new AgentConfig(type, gamma, network, optimizer, replay, exploration, target, backup, value, offline);
  }

  public AgentConfig withOffline(OfflineConfig value) {
    return new AgentConfig(type, gamma, network, optimizer, replay, exploration, target, backup, extremeQ, value);
  }
}
