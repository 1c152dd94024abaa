package org.qprob.experiments.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.nio.file.Path;
import java.util.Map;
import org.qprob.agents.AgentFactory;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.dataset.Dataset;
import org.qprob.agents.replay.ReplaySamplerFactory;
import org.qprob.agents.training.EpisodeRecorder;
import org.qprob.agents.training.GreedyEvaluation;
import org.qprob.agents.training.TrainingLoop;
import org.qprob.api.Options;
import org.qprob.api.PluginRegistry;
import org.qprob.api.agent.Agent;
import org.qprob.api.env.Environment;
import org.qprob.api.env.EnvironmentProvider;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.LossProvider;
import org.qprob.experiments.dataset.DatasetFit;
import org.qprob.experiments.run.RunSpec;

/**
 * The parts of one run, made from its {@link RunSpec} and the plugin maps of {@link PluginModule}: the training and
 * evaluation environments, the loss, the replay sampler, the agent, the training loop and, for an offline agent, the dataset
 * it learns from. Each is picked by name from its map; an
 * unknown name fails with one line listing the known ones. Nothing is made until asked for.
 */
public final class RunModule extends AbstractModule {
  private final RunSpec spec;

  public RunModule(RunSpec spec) {
    this.spec = spec;
  }

  @Override
  protected void configure() {
    bind(RunSpec.class).toInstance(spec);
  }

  @Provides
  @Singleton
  EnvironmentProvider environmentProvider(Map<String, EnvironmentProvider> environments, RunSpec run) {
    return pick(environments, run.env().id(), "environment");
  }

  /** How many finished training episodes the recorded training environment keeps for the analyses. */
  public static final int RECORDED_TRAINING_EPISODES = 50;

  /** The training environment, recorded: the calibration fits its Gaussian spread on the last episodes. */
  @Provides
  @Singleton
  @ForTraining
  EpisodeRecorder trainingRecorder(EnvironmentProvider provider, RunSpec run) {
    return new EpisodeRecorder(environment(provider, run), RECORDED_TRAINING_EPISODES);
  }

  @Provides
  @Singleton
  @ForTraining
  Environment trainingEnvironment(@ForTraining EpisodeRecorder recorder) {
    return recorder;
  }

  /** The evaluation environment, recorded: the calibration reads each evaluation's episodes. */
  @Provides
  @Singleton
  @ForEvaluation
  EpisodeRecorder evaluationRecorder(EnvironmentProvider provider, RunSpec run) {
    return new EpisodeRecorder(environment(provider, run), run.evaluation().episodes());
  }

  @Provides
  @Singleton
  @ForEvaluation
  Environment evaluationEnvironment(@ForEvaluation EpisodeRecorder recorder) {
    return recorder;
  }

  @Provides
  @Singleton
  Loss loss(Map<String, LossProvider> losses, RunSpec run) {
    String name = run.config().loss().name();
    Options options = new Options("loss " + name, run.config().loss().options());
    Loss loss = pick(losses, name, "loss").create(options);
    options.requireAllUsed();
    return loss;
  }

  @Provides
  @Singleton
  AgentFactory agentFactory(Map<String, AgentFactory> agents, RunSpec run) {
    return pick(agents, run.config().agent().type(), "agent");
  }

  @Provides
  @Singleton
  ReplaySamplerFactory replaySampler(Map<String, ReplaySamplerFactory> replays, RunSpec run) {
    return pick(replays, run.config().agent().replay().kind(), AgentSetup.REPLAY_KIND);
  }

  /** What the agent factory builds the agent from. */
  @Provides
  @Singleton
  AgentSetup agentSetup(Loss loss, ReplaySamplerFactory replay, @ForTraining Environment env, RunSpec run) {
    return new AgentSetup(run.config().agent(), loss, env.observationSpace(), env.actionSpace(), run.seeds().agent(),
        replay);
  }

  @Provides
  @Singleton
  Agent agent(AgentFactory factory, AgentSetup setup) {
    return factory.create(setup);
  }

  /**
   * The dataset {@code agent.offline.dataset} names (relative to the working folder), checked against the training
   * environment: its id, options, observation shape and actions; one line if it is missing or does not fit.
   */
  @Provides
  @Singleton
  Dataset dataset(@ForTraining Environment env, RunSpec run) {
    String path = run.config().agent().offline().dataset();
    if (path.isBlank()) {
      throw new IllegalArgumentException("offline.dataset is unset; expected the path of an .npz dataset (qprob"
          + " record writes one)");
    }
    return DatasetFit.read(Path.of(path), run.env(), env.observationSpace(), env.actionSpace());
  }

  @Provides
  @Singleton
  GreedyEvaluation evaluation(@ForEvaluation Environment env, RunSpec run) {
    return new GreedyEvaluation(env, run.evaluation().episodes(), run.seeds().evaluation(),
        run.evaluation().maxEpisodeSteps());
  }

  @Provides
  @Singleton
  TrainingLoop trainingLoop(@ForTraining Environment env, Agent agent, RunSpec run) {
    return new TrainingLoop(env, agent, run.seeds().environment());
  }

  private static Environment environment(EnvironmentProvider provider, RunSpec run) {
    Options options = new Options("env " + run.env().id(), run.env().options());
    Environment env = provider.create(options);
    options.requireAllUsed();
    return env;
  }

  /** The plugin named {@code name}, or one line naming the known ones. */
  static <P> P pick(Map<String, P> plugins, String name, String kind) {
    P p = plugins.get(name);
    if (p == null) {
      throw PluginRegistry.unknown(kind, name, plugins.keySet());
    }
    return p;
  }

  @Override
  public String toString() {
    return "RunModule(" + spec + ")";
  }
}
