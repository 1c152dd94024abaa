package org.qprob.agents.config;

import java.util.List;
import java.util.Map;

/**
 * The configurations the learning tests run on CartPole-v1: the two original scripts exactly, and the baselines,
 * the distributional ones (C51, QR-DQN) among them.
 * Each says in {@link ReferenceConfig#notes()} what was tuned.
 */
public final class OriginalConfigs {
  private OriginalConfigs() {
  }

  /**
   * The original q-prob.py: gumbel-kl loss with the KL objective (the published script backpropagates KL.mean()),
   * Gumbel head with outputs clamped to [-4, 8] and mu = exp(raw), the
   * gradient flowing into the online next-state outputs (no target network), Boltzmann over mu / beta with temperature
   * 10 → 1 (×0.995 per episode), Adam 5e-4, global-norm clip 1.0, batch 64 from 64 transitions on, 128-128 ReLU,
   * gamma 0.99.
   */
  public static ReferenceConfig qProb() {
    AgentConfig agent = AgentConfig.defaults()
        .withNetwork(NetworkConfig.defaults().withOriginalGumbelOutputs())
        .withOptimizer(OptimizerConfig.defaults().withGradClipNorm(1.0))
        .withExploration(ExplorationConfig.boltzmann(10, 1, 0.995))
        .withTarget(TargetConfig.of("online-grad"))
        .withBackup(BackupConfig.of("gumbel"));
    return new ReferenceConfig("q-prob", "gumbel-kl", Map.of("objective", "kl"), agent,
        "the original q-prob.py; nothing tuned");
  }

  /**
   * The original base-q-learning.py: l2 loss, hard-max backup from a target network copied every 100 environment
   * steps, ε-greedy 1.0 → 0.01 (×0.995 per episode), Adam 5e-4, no clipping, batch 64, 128-128 ReLU, gamma 0.99.
   */
  public static ReferenceConfig baseQLearning() {
    AgentConfig agent = AgentConfig.defaults()
        .withExploration(ExplorationConfig.defaults())
        .withTarget(new TargetConfig("target-network", 100, 1.0))
        .withBackup(BackupConfig.of("max"));
    return new ReferenceConfig("base-q-learning", "l2", Map.of(), agent,
        "the original base-q-learning.py; nothing tuned");
  }

  /** DQN with a target network and a per-step linear ε schedule (the textbook DQN recipe, not an original script). */
  public static ReferenceConfig dqnTarget() {
    AgentConfig agent = AgentConfig.defaults()
        .withExploration(ExplorationConfig.epsilonGreedyLinear(1.0, 0.05, 10_000))
        .withTarget(new TargetConfig("target-network", 500, 1.0))
        .withBackup(BackupConfig.of("max"));
    return new ReferenceConfig("dqn-target", "l2", Map.of(), agent,
        "textbook DQN: ε linear per step 1.0 → 0.05 over 10k steps, target copied every 500 steps");
  }

  /** Double DQN: as {@link #dqnTarget()} with the next action chosen online and valued by the target network. */
  public static ReferenceConfig doubleDqn() {
    ReferenceConfig dqn = dqnTarget();
    AgentConfig agent = dqn.agent().withTarget(new TargetConfig("double", 500, 1.0));
    return new ReferenceConfig("double-dqn", "l2", Map.of(), agent, "as dqn-target with the double-DQN target");
  }

  /**
   * Soft Q-learning: the soft backup {@code alpha * logsumexp(Q(s', .) / alpha)} from a target network copied every
   * 100 steps, the Boltzmann policy softmax(Q / alpha), alpha 0.1, l2 loss.
   */
  public static ReferenceConfig softQ() {
    double alpha = 0.1;
    AgentConfig agent = AgentConfig.defaults()
        .withExploration(ExplorationConfig.boltzmannFixed(alpha))
        .withTarget(new TargetConfig("target-network", 100, 1.0))
        .withBackup(new BackupConfig("soft", alpha));
    return new ReferenceConfig("soft-q", "l2", Map.of(), agent,
        "soft Q-learning with alpha 0.1, chosen up front (not searched): CartPole's action-value gaps are below 1, so "
            + "softmax(Q / 1) would be close to uniform; target network as the L2 script");
  }

  /**
   * X-DQN: Q toward {@code r + gamma * V(s')}, V by Gumbel regression (xql, beta 1, the loss's default max-rescaled
   * form) on the target Q of the buffer's actions; ε-greedy and target schedule as {@link #dqnTarget()}.
   */
  public static ReferenceConfig extremeQ() {
    AgentConfig agent = AgentConfig.defaults()
        .withType("extreme-q")
        .withExploration(ExplorationConfig.epsilonGreedyLinear(1.0, 0.05, 10_000))
        .withTarget(new TargetConfig("target-network", 500, 1.0));
    return new ReferenceConfig("extreme-q", "xql", Map.of("beta", 1.0), agent,
        "tuned once: beta 0.1 with the policy softmax(Q / 0.1) diverged (the xql clamp |z| <= 7 leaves V without "
            + "gradient when |Q - V| > 0.7 beta-units); beta 1 with the dqn-target exploration and target schedule learns");
  }

  /**
   * C51: the categorical loss (51 atoms on [0, 100], CartPole's discounted returns at gamma 0.99 lie in [0, 100]) with
   * the distributional backup of the greedy next action; exploration, target network and the rest as
   * {@link #dqnTarget()}.
   */
  public static ReferenceConfig c51() {
    return new ReferenceConfig("c51", "categorical", Map.of("atoms", 51, "v_min", 0.0, "v_max", 100.0),
        dqnTarget().agent().withBackup(BackupConfig.defaults()),
        "as dqn-target with the categorical loss (auto: the distributional backup); the support chosen for CartPole, not tuned");
  }

  /** QR-DQN: the quantile Huber loss (50 quantiles, kappa 1); everything else as {@link #dqnTarget()}. */
  public static ReferenceConfig qrDqn() {
    return new ReferenceConfig("qr-dqn", "quantile-huber", Map.of("quantiles", 50, "kappa", 1.0),
        dqnTarget().agent().withBackup(BackupConfig.defaults()),
        "as dqn-target with the quantile Huber loss (auto: the distributional backup); nothing tuned");
  }

  /**
   * DQN with prioritized replay (alpha 0.6, beta 0.4 to 1 over 100,000 steps, epsilon 1e-6: the defaults) and 3-step
   * returns; everything else as {@link #dqnTarget()}. Not among {@link #all()} (the original scripts and the
   * baselines); the learning and checkpoint tests add it.
   */
  public static ReferenceConfig dqnPrioritizedNStep() {
    ReferenceConfig dqn = dqnTarget();
    AgentConfig agent = dqn.agent().withReplay(dqn.agent().replay().withKind("prioritized").withNStep(3));
    return new ReferenceConfig("dqn-prioritized-3-step", "l2", Map.of(), agent,
        "as dqn-target with prioritized replay (its defaults) and 3-step returns; nothing tuned");
  }

  /** All eight, in the order above. */
  public static List<ReferenceConfig> all() {
    return List.of(qProb(), baseQLearning(), dqnTarget(), doubleDqn(), softQ(), extremeQ(), c51(), qrDqn());
  }
}
