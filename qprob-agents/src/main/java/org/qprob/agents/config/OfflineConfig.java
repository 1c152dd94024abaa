package org.qprob.agents.config;

import java.util.List;

/**
 * What the offline agents ({@code offline-xql}, {@code cql}, {@code offline-dqn}, {@code bc}) read: the dataset they
 * learn from and the extras of each. The network, optimizer, gamma, {@code replay.batchSize} and {@code target}
 * sections mean what they mean online, with every period counted in gradient steps (an offline run takes no training
 * environment steps).
 *
 * @param dataset the {@code .npz} dataset to learn from (see {@code docs/offline.md}), relative to the working
 *     folder; required by the offline agents, ignored by the others; default empty
 * @param cqlAlpha {@code cql}: the weight alpha of the conservative term
 *     {@code alpha * (logsumexp_a Q(s, a) - Q(s, a_data))} added to the TD loss; default 1.0 (Kumar et al. 2020's
 *     discrete setting); {@code offline-dqn} is the same agent with alpha 0
 * @param policy {@code offline-xql}: {@code awr} (a policy network trained by advantage-weighted regression on the
 *     dataset's actions, acting by its most probable action) or {@code greedy} ({@code argmax_a Q(s, a)}); default
 *     {@code awr}
 * @param advantageBeta {@code offline-xql} with {@code awr}: the temperature beta of the weights
 *     {@code exp((Q(s, a) - V(s)) / beta)}; set it to the xql loss's beta for the KL-regularised optimum
 *     {@code mu(a|s) exp((Q - V) / beta)}; default 1.0 (the xql loss's default)
 * @param maxWeight {@code offline-xql} with {@code awr}: the weights are clipped at this (XQL's and IQL's code: 100);
 *     default 100
 */
public record OfflineConfig(String dataset, double cqlAlpha, String policy, double advantageBeta, double maxWeight) {
  /** Valid {@link #policy} values. */
  public static final List<String> POLICIES = ConfigKey.keys(OfflinePolicy.class);

  public OfflineConfig {
    dataset = dataset == null ? "" : dataset;
    ConfigChecks.range("offline.cqlAlpha", cqlAlpha, 0, 1e6, "a weight >= 0");
    ConfigKey.of(OfflinePolicy.class, "offline.policy", policy);
    ConfigChecks.range("offline.advantageBeta", advantageBeta, Double.MIN_VALUE, 1e12, "a temperature > 0");
    ConfigChecks.range("offline.maxWeight", maxWeight, Double.MIN_VALUE, 1e12, "a weight > 0");
  }

  /** No dataset, alpha 1, the AWR policy at temperature 1 with weights clipped at 100. */
  public static OfflineConfig defaults() {
    return new OfflineConfig("", 1.0, "awr", 1.0, 100);
  }

  /** The defaults learning from {@code path}. */
  public static OfflineConfig of(String path) {
    return defaults().withDataset(path);
  }

  /** The policy {@link #policy} names. */
  public OfflinePolicy policyKind() {
    return ConfigKey.of(OfflinePolicy.class, "offline.policy", policy);
  }

  public OfflineConfig withDataset(String value) {
    return new OfflineConfig(value, cqlAlpha, policy, advantageBeta, maxWeight);
  }

  public OfflineConfig withCqlAlpha(double value) {
    return new OfflineConfig(dataset, value, policy, advantageBeta, maxWeight);
  }

  public OfflineConfig withPolicy(String value) {
    return new OfflineConfig(dataset, cqlAlpha, value, advantageBeta, maxWeight);
  }

  public OfflineConfig withAdvantageBeta(double value) {
    return new OfflineConfig(dataset, cqlAlpha, policy, value, maxWeight);
  }
}
