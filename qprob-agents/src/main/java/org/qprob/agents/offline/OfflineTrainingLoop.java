package org.qprob.agents.offline;

import java.util.Objects;
import org.qprob.agents.training.CheckpointListener;
import org.qprob.agents.training.EvaluationListener;
import org.qprob.agents.training.GreedyEvaluation;
import org.qprob.agents.training.TrainingSummary;
import org.qprob.agents.training.UpdateListener;
import org.qprob.api.agent.UpdateResult;
import org.qprob.api.run.EvaluationRecord;
import org.qprob.api.run.Signal;
import org.qprob.api.run.TrainingPosition;

/**
 * Trains an {@link OfflineLearner} for a budget of gradient steps, with no training environment: its clock is the
 * gradient step. After step {@code g} the update listener sees it (with {@code g} where the online loop passes the env
 * step, and episode 0); every {@code evaluateEvery} steps a {@link GreedyEvaluation} runs and the evaluation listener
 * sees an {@link EvaluationRecord} at step {@code g} (training episodes 0); every {@code checkpointEvery} steps before
 * the last, the checkpoint listener sees the position {@code (0 episodes, 0 env steps, g gradient steps)}. Any
 * listener can stop the loop. The learner must hold its dataset.
 *
 * <p>Resuming: {@link #startingFrom} continues from a position saved at a checkpoint, with the learner restored from
 * the checkpoint taken there; since batches come from the learner's own stream and evaluations run at multiples of
 * their period, the resumed loop goes on exactly as the uninterrupted one.
 *
 * <p>Immutable: the {@code with...} methods return a new loop.
 */
public final class OfflineTrainingLoop {
  private final OfflineLearner learner;
  private final UpdateListener updateListener;
  private final GreedyEvaluation evaluation;
  private final long evaluateEvery;
  private final EvaluationListener evaluationListener;
  private final long checkpointEvery;
  private final CheckpointListener checkpointListener;
  private final TrainingPosition start;

  /** A loop training {@code learner} with no listeners, evaluations or checkpoints. */
  public OfflineTrainingLoop(OfflineLearner learner) {
    this(learner, (g, e, u) -> Signal.CONTINUE, null, 0, e -> Signal.CONTINUE, 0, p -> Signal.CONTINUE,
        TrainingPosition.START);
  }

  private OfflineTrainingLoop(OfflineLearner learner, UpdateListener updateListener, GreedyEvaluation evaluation,
      long evaluateEvery, EvaluationListener evaluationListener, long checkpointEvery,
      CheckpointListener checkpointListener, TrainingPosition start) {
    this.learner = Objects.requireNonNull(learner, "learner");
    this.updateListener = Objects.requireNonNull(updateListener, "updateListener");
    this.evaluation = evaluation;
    this.evaluateEvery = evaluateEvery;
    this.evaluationListener = Objects.requireNonNull(evaluationListener, "evaluationListener");
    this.checkpointEvery = checkpointEvery;
    this.checkpointListener = Objects.requireNonNull(checkpointListener, "checkpointListener");
    this.start = Objects.requireNonNull(start, "start");
  }

  /** The same loop reporting every gradient step to {@code listener}. */
  public OfflineTrainingLoop withUpdateListener(UpdateListener listener) {
    return new OfflineTrainingLoop(learner, listener, evaluation, evaluateEvery, evaluationListener, checkpointEvery,
        checkpointListener, start);
  }

  /** The same loop running {@code evaluation} every {@code everySteps} gradient steps, reported to {@code listener}. */
  public OfflineTrainingLoop withEvaluation(GreedyEvaluation evaluation, long everySteps, EvaluationListener listener) {
    if (everySteps <= 0) {
      throw new IllegalArgumentException("evaluateEvery = " + everySteps + " is invalid; expected > 0 gradient steps");
    }
    return new OfflineTrainingLoop(learner, updateListener, Objects.requireNonNull(evaluation, "evaluation"),
        everySteps, listener, checkpointEvery, checkpointListener, start);
  }

  /** The same loop calling {@code listener} every {@code everySteps} gradient steps (not at the budget's end). */
  public OfflineTrainingLoop withCheckpoints(long everySteps, CheckpointListener listener) {
    if (everySteps <= 0) {
      throw new IllegalArgumentException("checkpoint every = " + everySteps + " is invalid; expected > 0 gradient steps");
    }
    return new OfflineTrainingLoop(learner, updateListener, evaluation, evaluateEvery, evaluationListener, everySteps,
        Objects.requireNonNull(listener, "checkpoint listener"), start);
  }

  /** The same loop continuing from {@code position}'s gradient steps and wall clock. */
  public OfflineTrainingLoop startingFrom(TrainingPosition position) {
    return new OfflineTrainingLoop(learner, updateListener, evaluation, evaluateEvery, evaluationListener,
        checkpointEvery, checkpointListener, Objects.requireNonNull(position, "position"));
  }

  /** Trains until {@code gradientSteps} steps have been taken or a listener says stop. */
  public TrainingSummary run(long gradientSteps) {
    if (gradientSteps < 1) {
      throw new IllegalArgumentException("gradient steps = " + gradientSteps + " is invalid; expected >= 1");
    }
    long startNanos = System.nanoTime() - Math.round(start.wallSeconds() * 1e9);
    long g = start.gradientSteps();
    while (g < gradientSteps) {
      UpdateResult u = learner.learn();
      g += u.gradientSteps();
      if (!u.updated()) {
        throw new IllegalStateException(learner + " took no gradient step");
      }
      if (updateListener.onUpdate(g, 0, u) == Signal.STOP) {
        return summary(g, true, startNanos);
      }
      if (evaluation != null && g % evaluateEvery == 0) {
        EvaluationRecord e = EvaluationRecord.of(g, 0, evaluation.run(learner), seconds(startNanos));
        if (evaluationListener.onEvaluation(e) == Signal.STOP) {
          return summary(g, true, startNanos);
        }
      }
      if (checkpointEvery > 0 && g % checkpointEvery == 0 && g < gradientSteps
          && checkpointListener.onCheckpoint(new TrainingPosition(0, 0, g, seconds(startNanos))) == Signal.STOP) {
        return summary(g, true, startNanos);
      }
    }
    return summary(g, false, startNanos);
  }

  private static TrainingSummary summary(long g, boolean stopped, long startNanos) {
    return new TrainingSummary(0, 0, g, stopped, seconds(startNanos));
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) * 1e-9;
  }

  @Override
  public String toString() {
    return "OfflineTrainingLoop(" + learner + (evaluation == null ? "" : ", evaluateEvery=" + evaluateEvery + ", "
        + evaluation) + (checkpointEvery == 0 ? "" : ", checkpointEvery=" + checkpointEvery)
        + (start.equals(TrainingPosition.START) ? "" : ", from=" + start) + ")";
  }
}
