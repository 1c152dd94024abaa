package org.qprob.experiments.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Injector;
import com.google.inject.Key;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qprob.agents.dataset.Dataset;
import org.qprob.agents.dataset.DatasetBuilder;
import org.qprob.agents.dataset.DatasetInfo;
import org.qprob.agents.dataset.RecordingEnvironment;
import org.qprob.agents.offline.OfflineLearner;
import org.qprob.agents.random.RandomStream;
import org.qprob.agents.random.Seeds;
import org.qprob.agents.training.Budget;
import org.qprob.agents.training.TrainingLoop;
import org.qprob.api.Options;
import org.qprob.api.PluginRegistry;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.Agent;
import org.qprob.api.agent.Transition;
import org.qprob.api.env.Environment;
import org.qprob.api.env.EnvironmentProvider;
import org.qprob.api.env.StepResult;
import org.qprob.api.run.Signal;
import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.config.ConfigMapper;
import org.qprob.experiments.dataset.DatasetFit;
import org.qprob.experiments.guice.ForTraining;
import org.qprob.experiments.guice.Plugins;
import org.qprob.experiments.run.CsvFile;
import org.qprob.experiments.run.EpisodeRow;
import org.qprob.experiments.run.Provenance;
import org.qprob.experiments.run.RunFiles;
import org.qprob.experiments.run.RunSpec;

/**
 * Records datasets from behaviour policies ({@link BehaviourPolicy}). Every draw comes from generators derived from
 * the recording's seed: episode {@code i} resets with {@code derive(derive(seed, "env"), i)}, the policy's random
 * actions come from the stream {@code derive(seed, "policy")}; the same request gives the same dataset. A recording
 * of {@code steps} transitions ends inside an episode as a step budget does: its last step is marked truncated.
 */
public final class DatasetRecording {
  private final Plugins plugins;
  private final ObjectMapper yaml = ConfigMapper.strictYaml();
  private final ObjectMapper json = ConfigMapper.json();

  public DatasetRecording(Plugins plugins) {
    this.plugins = plugins;
  }

  /**
   * What to record.
   *
   * @param envId the environment ({@code random}); null to take the run's
   * @param envOptions its options
   * @param run a finished run's folder ({@code epsilon-greedy}, {@code medium-replay}); null for {@code random}
   * @param epsilon the probability of a uniform random action ({@code epsilon-greedy})
   * @param steps transitions to record ({@code random}, {@code epsilon-greedy})
   * @param seed the seed the recording's generators derive from ({@code random}, {@code epsilon-greedy})
   */
  public record Request(String envId, Map<String, Object> envOptions, Path run, double epsilon, long steps, long seed) {
    public Request {
      envOptions = envOptions == null ? Map.of() : Map.copyOf(envOptions);
      if (steps < 1) {
        throw new ConfigException("--steps = " + steps + " is invalid; expected an integer >= 1");
      }
      if (!(epsilon >= 0 && epsilon <= 1)) {
        throw new ConfigException("--epsilon = " + epsilon + " is invalid; expected a probability in [0, 1]");
      }
    }
  }

  /** The dataset {@code policy} records for {@code request}. */
  public Dataset record(BehaviourPolicy policy, Request request) {
    return policy.record(this, request);
  }

  Dataset random(Request q) {
    if (q.envId() == null) {
      throw new ConfigException("--policy random needs --env (e.g. --env CartPole-v1)");
    }
    if (q.run() != null) {
      throw new ConfigException("--policy random takes no --run; it acts uniformly at random on --env");
    }
    Environment env = environment(q.envId(), q.envOptions());
    int actions = env.actionSpace().n();
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("steps", q.steps());
    return steps(env, (obs, rng) -> rng.nextInt(actions), q.steps(), q.seed(),
        new DatasetInfo(q.envId(), q.envOptions(), BehaviourPolicy.RANDOM.key(), options, q.seed()));
  }

  Dataset epsilonGreedy(Request q) {
    Path run = requireRun(q, BehaviourPolicy.EPSILON_GREEDY);
    RunSpec spec = finishedRun(run);
    requireEnv(q, spec);
    Path checkpoint = run.resolve(RunFiles.AGENT);
    if (!Files.isRegularFile(checkpoint)) {
      throw new ConfigException(run + ": no " + RunFiles.AGENT + "; expected a finished run's folder");
    }
    Injector injector = RunExecutor.injector(plugins, spec);
    Agent agent = injector.getInstance(Agent.class);
    if (agent instanceof OfflineLearner learner) {
      learner.learnFrom(injector.getInstance(Dataset.class));
    }
    try {
      agent.restore(new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(checkpoint))));
    } catch (IOException e) {
      throw new ConfigException(checkpoint + ": cannot restore the agent: " + e.getMessage(), e);
    }
    Environment env = injector.getInstance(Key.get(Environment.class, ForTraining.class));
    int actions = env.actionSpace().n();
    double epsilon = q.epsilon();
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("epsilon", epsilon);
    options.put("steps", q.steps());
    options.putAll(origin(run, spec));
    return steps(env, (obs, rng) -> rng.nextDouble() < epsilon ? rng.nextInt(actions) : agent.act(obs, ActMode.GREEDY),
        q.steps(), q.seed(), new DatasetInfo(spec.env().id(), spec.env().options(),
            BehaviourPolicy.EPSILON_GREEDY.key(), options, q.seed()));
  }

  Dataset mediumReplay(Request q) {
    Path run = requireRun(q, BehaviourPolicy.MEDIUM_REPLAY);
    RunSpec spec = finishedRun(run);
    requireEnv(q, spec);
    if (spec.budget().offline()) {
      throw new ConfigException(run + " is an offline run (budget " + spec.budget() + "); --policy medium-replay"
          + " records an online run's training transitions");
    }
    Injector injector = RunExecutor.injector(plugins, spec);
    Environment env = injector.getInstance(Key.get(Environment.class, ForTraining.class));
    DatasetBuilder builder = new DatasetBuilder(DatasetFit.shapeOf(env.observationSpace()));
    List<double[]> episodes = new ArrayList<>();
    TrainingLoop loop = new TrainingLoop(new RecordingEnvironment(env, builder), injector.getInstance(Agent.class),
        spec.seeds().environment()).withEpisodeListener(e -> {
          episodes.add(new double[] {e.episodeReturn(), e.length()});
          return Signal.CONTINUE;
        });
    loop.run(spec.budget().inEpisodes() ? Budget.episodes(spec.budget().episodes())
        : Budget.steps(spec.budget().envSteps()));
    builder.truncateLast();
    List<EpisodeRow> logged = CsvFile.read(run.resolve(RunFiles.EPISODES), EpisodeRow.COLUMNS, EpisodeRow::parse);
    if (logged.size() != episodes.size()) {
      throw new ConfigException(run + ": running its config again gave " + episodes.size() + " episodes, its "
          + RunFiles.EPISODES + " holds " + logged.size() + "; was it written by other code?");
    }
    for (int i = 0; i < logged.size(); i++) {
      EpisodeRow row = logged.get(i);
      if (row.episodeReturn() != episodes.get(i)[0] || row.length() != (int) episodes.get(i)[1]) {
        throw new ConfigException(run + ": running its config again does not give its " + RunFiles.EPISODES
            + " (episode " + (i + 1) + ": return " + episodes.get(i)[0] + ", length " + (int) episodes.get(i)[1]
            + "; recorded " + row.episodeReturn() + ", " + row.length() + "); was it written by other code?");
      }
    }
    Map<String, Object> options = new LinkedHashMap<>(origin(run, spec));
    options.put("budget", spec.budget().toString());
    return builder.build(new DatasetInfo(spec.env().id(), spec.env().options(), BehaviourPolicy.MEDIUM_REPLAY.key(),
        options, spec.seed()));
  }

  /** Records {@code steps} transitions of {@code policy} on {@code env}. */
  private static Dataset steps(Environment env, Policy policy, long steps, long seed, DatasetInfo info) {
    if (steps > Integer.MAX_VALUE) {
      throw new ConfigException("--steps = " + steps + " is too large; expected at most " + Integer.MAX_VALUE);
    }
    DatasetBuilder builder = new DatasetBuilder(DatasetFit.shapeOf(env.observationSpace()));
    long envSeed = Seeds.derive(seed, "env");
    RandomStream rng = new RandomStream(Seeds.derive(seed, "policy"));
    long episode = 0;
    while (builder.size() < steps) {
      float[] obs = env.reset(Seeds.derive(envSeed, episode++));
      while (true) {
        int action = policy.act(obs, rng);
        StepResult r = env.step(action);
        builder.add(new Transition(obs, action, r.reward(), r.observation(), r.terminated(), r.truncated()));
        obs = r.observation();
        if (r.done()) {
          break;
        }
        if (builder.size() >= steps) {
          builder.truncateLast();
          break;
        }
      }
    }
    return builder.build(info);
  }

  /** An action for an observation, drawing what it draws from {@code rng}. */
  @FunctionalInterface
  private interface Policy {
    int act(float[] observation, RandomStream rng);
  }

  private Environment environment(String id, Map<String, Object> options) {
    EnvironmentProvider provider = plugins.environments().all().get(id);
    if (provider == null) {
      throw new ConfigException(PluginRegistry.unknown("environment", id, plugins.environments().all().keySet())
          .getMessage() + " (see qprob list)");
    }
    Options o = new Options("env " + id, options);
    try {
      Environment env = provider.create(o);
      o.requireAllUsed();
      return env;
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--env-option: " + e.getMessage(), e);
    }
  }

  private static Path requireRun(Request q, BehaviourPolicy policy) {
    if (q.run() == null) {
      throw new ConfigException("--policy " + policy + " needs --run, a finished run's folder (e.g."
          + " results/x/dqn/seed-0)");
    }
    return q.run();
  }

  private static void requireEnv(Request q, RunSpec spec) {
    if (q.envId() != null && !q.envId().equals(spec.env().id())) {
      throw new ConfigException("--env " + q.envId() + " does not match the run's environment " + spec.env().id()
          + "; leave --env out to use the run's");
    }
    if (!q.envOptions().isEmpty()) {
      throw new ConfigException("--env-option does not go with --run: the environment is the run's (" + spec.env()
          .id() + " " + spec.env().options() + ")");
    }
  }

  /** The run folder's spec, if it holds a finished run; one line otherwise. */
  private RunSpec finishedRun(Path run) {
    Path config = run.resolve(RunFiles.CONFIG);
    Path provenance = run.resolve(RunFiles.PROVENANCE);
    if (!Files.isRegularFile(config) || !Files.isRegularFile(provenance)) {
      throw new ConfigException(run + ": not a run folder (no " + RunFiles.CONFIG + " and " + RunFiles.PROVENANCE
          + "); expected e.g. results/x/dqn/seed-0");
    }
    try {
      Provenance p = json.readValue(provenance.toFile(), Provenance.class);
      if (!p.isFinished()) {
        throw new ConfigException(run + ": the run is " + p.status() + "; expected a finished run");
      }
      return yaml.readValue(config.toFile(), RunSpec.class);
    } catch (IOException e) {
      throw new ConfigException(run + ": cannot read the run: " + ConfigException.oneLine(e.getMessage()), e);
    }
  }

  /** Where a run's policy came from, for the dataset's metadata. */
  private static Map<String, Object> origin(Path run, RunSpec spec) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", run.toString());
    m.put("experiment", spec.experiment());
    m.put("variant", spec.variant());
    m.put("run_seed", spec.seed());
    m.put("agent", spec.config().agent().type());
    m.put("loss", spec.config().loss().name());
    return m;
  }
}
