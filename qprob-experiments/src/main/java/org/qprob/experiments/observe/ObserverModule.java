package org.qprob.experiments.observe;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.qprob.agents.training.EpisodeRecorder;
import org.qprob.api.agent.Agent;
import org.qprob.api.env.Environment;
import org.qprob.api.run.RunContext;
import org.qprob.api.run.RunObserver;
import org.qprob.api.run.RunObserverProvider;
import org.qprob.experiments.guice.ForEvaluation;
import org.qprob.experiments.guice.ForTraining;
import org.qprob.experiments.run.RunProgress;
import org.qprob.experiments.run.RunSpec;

/**
 * The observers of one run, bound in a {@link Multibinder} in the order they hear each event: the CSV logs, the
 * progress display, the final-return tally, the divergence guard, the TensorBoard log, every observer registered with
 * {@link java.util.ServiceLoader} ({@link RunObserverProvider}: the analyses, such as the calibration, and plugins',
 * in the order of their names), and last the checkpointer, so that
 * each observer has saved its state for a position when the checkpoint naming it is written. Binds {@link RunObservers}, their union.
 */
public final class ObserverModule extends AbstractModule {
  private final RunStart start;
  private final RunProgress progress;
  private final int finalEpisodes;
  private final Map<String, RunObserverProvider> plugins;

  /**
   * @param start the run's start (its open logs, and the checkpoint it resumes from)
   * @param progress where the progress display hears about episodes
   * @param finalEpisodes how many last episodes the outcome's final return averages
   * @param plugins the observers plugins registered, by name
   */
  public ObserverModule(RunStart start, RunProgress progress, int finalEpisodes,
      Map<String, RunObserverProvider> plugins) {
    this.start = start;
    this.progress = progress;
    this.finalEpisodes = finalEpisodes;
    this.plugins = Map.copyOf(plugins);
  }

  @Override
  protected void configure() {
    bind(RunStart.class).toInstance(start);
    Multibinder<RunObserver> observers = Multibinder.newSetBinder(binder(), RunObserver.class);
    observers.addBinding().to(EpisodeLog.class);
    observers.addBinding().to(EvaluationLog.class);
    observers.addBinding().to(ProgressReport.class);
    observers.addBinding().to(FinalReturns.class);
    observers.addBinding().to(DivergenceGuard.class);
    observers.addBinding().toProvider(new TensorBoard(getProvider(RunSpec.class)));
    new TreeMap<>(plugins).values().forEach(provider ->
        observers.addBinding().toProvider(new PluginObserver(provider, getProvider(RunContext.class))));
    observers.addBinding().to(Checkpointer.class);
  }

  @Provides
  @Singleton
  EpisodeLog episodeLog() {
    return new EpisodeLog(start.episodes());
  }

  @Provides
  @Singleton
  EvaluationLog evaluationLog() {
    return new EvaluationLog(start.evaluations());
  }

  @Provides
  @Singleton
  ProgressReport progressReport(RunSpec spec) {
    return new ProgressReport(spec, progress);
  }

  /** Counts the returns of a resumed run's logged episodes too. */
  @Provides
  @Singleton
  FinalReturns finalReturns() {
    FinalReturns returns = new FinalReturns(finalEpisodes);
    start.loggedEpisodes().forEach(row -> returns.add(row.episodeReturn()));
    return returns;
  }

  @Provides
  @Singleton
  DivergenceGuard divergenceGuard(Agent agent) {
    return new DivergenceGuard(agent);
  }

  @Provides
  @Singleton
  Checkpointer checkpointer(RunSpec spec, Agent agent) {
    return new Checkpointer(spec.folder(), start, agent);
  }

  @Provides
  @Singleton
  RunContext context(RunSpec spec, Agent agent, @ForTraining Environment training,
      @ForEvaluation Environment evaluation) {
    return new RunContext(spec.label(), spec.folder(), spec.seed(), start.configYaml(), agent, training, evaluation,
        start.resumedFrom());
  }

  @Provides
  @Singleton
  RunObservers runObservers(Set<RunObserver> observers) {
    return new RunObservers(observers);
  }

  /** The run's TensorBoard log ({@link TensorBoardLog}, which writes nothing when the config turns it off). */
  private final class TensorBoard implements Provider<RunObserver> {
    private final Provider<RunSpec> spec;

    TensorBoard(Provider<RunSpec> spec) {
      this.spec = spec;
    }

    @Override
    public RunObserver get() {
      return TensorBoardLog.open(spec.get(), start.configYaml(), start.resumedFrom());
    }
  }

  /** A plugin's observer of the run, opened when the run's observers are made. */
  private record PluginObserver(RunObserverProvider provider, Provider<RunContext> context)
      implements Provider<RunObserver> {
    @Override
    public RunObserver get() {
      return provider.open(context.get());
    }
  }

  @Override
  public String toString() {
    return "ObserverModule(plugins " + new TreeMap<>(plugins).keySet() + ")";
  }
}
