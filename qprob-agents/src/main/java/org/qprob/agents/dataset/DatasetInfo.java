package org.qprob.agents.dataset;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a dataset says about where it came from.
 *
 * @param envId the environment's id, e.g. {@code CartPole-v1}; an offline run refuses a dataset of another id
 * @param envOptions the environment's options (Gymnasium's keywords), as a config's {@code env.options}
 * @param policy the behaviour policy's name: {@code random}, {@code epsilon-greedy}, {@code medium-replay}, or what a
 *     dataset made elsewhere says (empty if it says nothing)
 * @param policyOptions the behaviour policy's settings (epsilon, the run it came from, ...); empty if none
 * @param seed the seed the recording's generators were split from; null if the dataset does not say
 */
public record DatasetInfo(String envId, Map<String, Object> envOptions, String policy,
    Map<String, Object> policyOptions, Long seed) {
  public DatasetInfo {
    Objects.requireNonNull(envId, "envId");
    envOptions = envOptions == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(envOptions));
    policy = policy == null ? "" : policy;
    policyOptions = policyOptions == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new TreeMap<>(policyOptions));
  }
}
