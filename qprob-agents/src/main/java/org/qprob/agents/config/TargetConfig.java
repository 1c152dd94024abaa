package org.qprob.agents.config;

/**
 * Where the next-state values of the Bellman target come from.
 *
 * @param source one of
 *     <ul>
 *       <li>{@code online-grad}: the online network, and the loss gradient also flows into the next-state outputs
 *           (what the original q-prob script does);</li>
 *       <li>{@code online-stop}: the online network, next-state outputs treated as constants;</li>
 *       <li>{@code target-network}: a second network that follows the online one (DQN);</li>
 *       <li>{@code double}: double DQN: the greedy next action from the online network, its value from the target
 *           network (point heads with the max backup only).</li>
 *     </ul>
 *     default {@code target-network}
 * @param updateEvery the target network follows the online one every this many environment steps (counted from 1, as
 *     the original L2 script's {@code step_count % 100 == 0}); default 100
 * @param polyakTau each follow sets {@code target = tau * online + (1 - tau) * target}; 1 = hard copy; default 1.
 *     Polyak averaging is e.g. {@code updateEvery 1, polyakTau 0.005}.
 */
public record TargetConfig(String source, int updateEvery, double polyakTau) {

  public TargetConfig {
    TargetSource.of(source);
    ConfigChecks.atLeast("target.updateEvery", updateEvery, 1);
    ConfigChecks.range("target.polyakTau", polyakTau, Double.MIN_VALUE, 1, "a number in (0, 1] (1 = hard copy)");
  }

  /** A target network hard-copied every 100 environment steps (the original L2 script). */
  public static TargetConfig defaults() {
    return new TargetConfig("target-network", 100, 1.0);
  }

  /** The given source with the default follow rule. */
  public static TargetConfig of(String source) {
    return new TargetConfig(source, 100, 1.0);
  }

  /** The {@link #source} as a {@link TargetSource}. */
  public TargetSource kind() {
    return TargetSource.of(source);
  }
}
