package org.qprob.experiments.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.qprob.agents.offline.OfflineTrainingLoop;
import org.qprob.agents.training.TrainingLoop;
import org.qprob.api.run.RunObserver;
import org.qprob.api.run.Signal;
import org.qprob.api.run.TrainingPosition;

/**
 * The observers of one run, in the order they were bound, as one: each event goes to all of them, and training stops
 * after an event if any of them says {@link Signal#STOP}.
 */
public final class RunObservers implements AutoCloseable {
  private final List<RunObserver> observers;

  public RunObservers(Set<RunObserver> observers) {
    this.observers = List.copyOf(observers);
  }

  /** {@code loop} publishing its episodes, updates, evaluations and checkpoints (every {@code checkpointEvery}). */
  public TrainingLoop publishing(TrainingLoop loop, long checkpointEvery) {
    return loop.withEpisodeListener(e -> all(o -> o.episodeEnded(e)))
        .withUpdateListener((steps, episode, u) -> all(o -> o.updated(steps, episode, u)))
        .withCheckpoints(checkpointEvery, p -> {
          checkpointing(p, false);
          return Signal.CONTINUE;
        });
  }

  /** {@code loop} publishing its gradient steps and checkpoints (every {@code checkpointEvery} gradient steps). */
  public OfflineTrainingLoop publishing(OfflineTrainingLoop loop, long checkpointEvery) {
    return loop.withUpdateListener((steps, episode, u) -> all(o -> o.updated(steps, episode, u)))
        .withCheckpoints(checkpointEvery, p -> {
          checkpointing(p, false);
          return Signal.CONTINUE;
        });
  }

  /** The listener of an evaluation, for {@link TrainingLoop#withEvaluation}. */
  public Signal evaluated(org.qprob.api.run.EvaluationRecord evaluation) {
    return all(o -> o.evaluated(evaluation));
  }

  public void checkpointing(TrainingPosition position, boolean trainingDone) {
    observers.forEach(o -> o.checkpointing(position, trainingDone));
  }

  public void completed(boolean finished) {
    observers.forEach(o -> o.completed(finished));
  }

  /** Closes every observer, even when one fails; the first failure is rethrown with the others suppressed. */
  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    for (RunObserver o : observers) {
      try {
        o.close();
      } catch (RuntimeException e) {
        failures.add(e);
      } catch (Exception e) {
        failures.add(new IllegalStateException("cannot close observer " + o + ": " + e.getMessage(), e));
      }
    }
    if (!failures.isEmpty()) {
      RuntimeException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }

  private Signal all(Function<RunObserver, Signal> event) {
    Signal signal = Signal.CONTINUE;
    for (RunObserver o : observers) {
      if (event.apply(o) == Signal.STOP) {
        signal = Signal.STOP;
      }
    }
    return signal;
  }
}
