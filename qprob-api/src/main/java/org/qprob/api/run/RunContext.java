package org.qprob.api.run;

import java.nio.file.Path;
import java.util.Optional;
import org.qprob.api.agent.Agent;
import org.qprob.api.env.Environment;

/**
 * What an observer may know about the run it observes.
 *
 * @param label the run's label, {@code variant/seed-N}
 * @param folder the run's folder; an observer writes its own files there
 * @param seed the run's seed
 * @param configYaml the resolved config of the run, as written to its {@code config.yaml}
 * @param agent the agent being trained
 * @param trainingEnvironment the environment the agent trains on (the runner's, which may record its episodes)
 * @param evaluationEnvironment the environment greedy evaluations run on
 * @param resumedFrom where a resumed run continues from (files an observer wrote after it are to be cut back), empty
 *     for a fresh run
 */
public record RunContext(String label, Path folder, long seed, String configYaml, Agent agent,
    Environment trainingEnvironment, Environment evaluationEnvironment, Optional<TrainingPosition> resumedFrom) {
}
