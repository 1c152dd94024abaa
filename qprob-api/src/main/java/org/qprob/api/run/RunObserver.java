package org.qprob.api.run;

import org.qprob.api.agent.UpdateResult;

/**
 * Subscribes to one training run. The runner calls every observer of the run, in the order they were bound, from the
 * run's thread: the events as they happen, {@link #checkpointing} when a checkpoint is written (so an observer with
 * files of its own saves what a resume from there needs), {@link #completed} once when the run has ended for good
 * (finished or diverged: the moment to give files their final names), and {@link #close} always, last, also when the
 * run failed (then the files stay as they are, for a resume). An event's {@link Signal#STOP} from any observer ends
 * training after that event; every observer still hears it.
 *
 * <p>An observer from a plugin jar is made per run by a {@link RunObserverProvider} registered with
 * {@link java.util.ServiceLoader}.
 */
public interface RunObserver extends AutoCloseable {
  /** A training episode ended. */
  default Signal episodeEnded(EpisodeRecord episode) {
    return Signal.CONTINUE;
  }

  /**
   * An update event took at least one gradient step.
   *
   * @param envSteps training env steps taken, the step that led to this update included
   * @param episode the index of the episode under way, from 0
   */
  default Signal updated(long envSteps, long episode, UpdateResult result) {
    return Signal.CONTINUE;
  }

  /** A greedy evaluation ran (during training, or the last one when training ended). */
  default Signal evaluated(EvaluationRecord evaluation) {
    return Signal.CONTINUE;
  }

  /**
   * A checkpoint of the run at {@code position} is about to be written: an observer that keeps files saves what a run
   * resumed from this position needs, before the checkpoint exists.
   *
   * @param trainingDone whether this is the checkpoint written when training has ended
   */
  default void checkpointing(TrainingPosition position, boolean trainingDone) {}

  /** The run ended for good: {@code finished} true, or false when it diverged. */
  default void completed(boolean finished) {}

  /** Releases what the observer holds; always called, once, last. */
  @Override
  default void close() {}
}
