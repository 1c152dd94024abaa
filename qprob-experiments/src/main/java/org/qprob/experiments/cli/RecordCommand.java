package org.qprob.experiments.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qprob.agents.dataset.Dataset;
import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.config.ConfigMapper;
import org.qprob.experiments.dataset.DatasetFile;
import org.qprob.experiments.guice.Plugins;
import org.qprob.experiments.runner.BehaviourPolicy;
import org.qprob.experiments.runner.DatasetRecording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qprob record}: writes a dataset of transitions from a behaviour policy, for the offline agents. */
@Command(name = "record", mixinStandardHelpOptions = true,
    description = "Write an .npz dataset (observations, actions, rewards, terminations, truncations,"
        + " next_observations, metadata; NumPy opens it with np.load) from a behaviour policy: random (uniform actions"
        + " on --env), epsilon-greedy (a finished run's final agent, a random action with probability --epsilon) or"
        + " medium-replay (every training transition of a finished online run, by running its config again). See"
        + " docs/offline.md.")
public final class RecordCommand implements Callable<Integer> {
  private static final ObjectMapper YAML = ConfigMapper.strictYaml();

  @Spec
  private CommandSpec spec;

  @Option(names = "--policy", required = true, paramLabel = "NAME",
      description = "the behaviour policy: random, epsilon-greedy or medium-replay")
  private String policy;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "the .npz file to write")
  private Path out;

  @Option(names = "--env", paramLabel = "ID", description = "the environment (random; the others use the run's)")
  private String env;

  @Option(names = "--env-option", paramLabel = "key=value",
      description = "an environment option, the value read as YAML (random; repeatable), e.g. --env-option"
          + " is_slippery=false")
  private List<String> envOptions = List.of();

  @Option(names = "--run", paramLabel = "DIR",
      description = "a finished run's folder, e.g. results/x/dqn/seed-0 (epsilon-greedy, medium-replay)")
  private Path run;

  @Option(names = "--epsilon", paramLabel = "P", defaultValue = "0.1",
      description = "epsilon-greedy: the probability of a uniform random action; default ${DEFAULT-VALUE}")
  private double epsilon;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "100000",
      description = "random, epsilon-greedy: transitions to record; default ${DEFAULT-VALUE}")
  private long steps;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "random, epsilon-greedy: the seed every draw derives from; default ${DEFAULT-VALUE}")
  private long seed;

  @Override
  public Integer call() {
    BehaviourPolicy behaviour;
    try {
      behaviour = BehaviourPolicy.of(policy);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--policy: " + e.getMessage(), e);
    }
    if (Files.isDirectory(out)) {
      throw new ConfigException("--out " + out + " is a folder; expected the .npz file to write");
    }
    long start = System.nanoTime();
    Dataset data;
    try {
      data = new DatasetRecording(Plugins.load()).record(behaviour,
          new DatasetRecording.Request(env, options(), run, epsilon, steps, seed));
      DatasetFile.write(data, out);
    } catch (ConfigException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage(), e);
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println("wrote " + out + ": " + DatasetInfoCommand.describe(data) + String.format(" (%.1f s)",
        (System.nanoTime() - start) * 1e-9));
    o.flush();
    return 0;
  }

  private Map<String, Object> options() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String kv : envOptions) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException("--env-option " + kv + " is invalid; expected key=value, e.g. is_slippery=false");
      }
      try {
        JsonNode value = YAML.readTree(kv.substring(eq + 1));
        m.put(kv.substring(0, eq), YAML.convertValue(value, Object.class));
      } catch (IOException e) {
        throw new ConfigException("--env-option " + kv + ": the value is not YAML: " + ConfigException.oneLine(
            e.getMessage()), e);
      }
    }
    return m;
  }
}
