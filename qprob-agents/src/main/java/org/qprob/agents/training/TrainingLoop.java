package org.qprob.agents.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.qprob.agents.random.Seeds;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.Agent;
import org.qprob.api.agent.Transition;
import org.qprob.api.agent.UpdateResult;
import org.qprob.api.env.Environment;
import org.qprob.api.env.StepResult;
import org.qprob.api.run.EpisodeRecord;
import org.qprob.api.run.EvaluationRecord;
import org.qprob.api.run.Signal;
import org.qprob.api.run.TrainingPosition;

/**
 * Trains one agent on one environment. Each step: {@code act(EXPLORE)}, {@code step}, {@code observe}, then
 * {@code update()} once (the agent decides from its replay config whether a gradient step is due). Episode {@code i}
 * starts with {@code env.reset(Seeds.derive(seed, i))}. After each episode the episode listener sees an
 * {@link EpisodeRecord}; every {@code evaluateEvery} environment steps a {@link GreedyEvaluation} runs on its own
 * environment and the evaluation listener sees an {@link EvaluationRecord}. Either listener can stop the loop.
 *
 * <p>Resuming: {@link #withCheckpoints} calls a listener at the first episode boundary at or after every multiple of
 * its period in env steps (and the update listener sees every gradient step, e.g. to stop on a non-finite loss);
 * {@link #startingFrom} continues from a {@link TrainingPosition} saved there. Since episode {@code i} always resets
 * with {@code derive(seed, i)} and evaluations run at multiples of their period, a loop started from a position with
 * the agent restored from its checkpoint at that boundary continues exactly as the uninterrupted loop would have.
 *
 * <p>Immutable: the {@code with...} methods return a new loop. Not re-entrant; the counters live in {@link #run}.
 */
public final class TrainingLoop {
  private final Environment env;
  private final Agent agent;
  private final long seed;
  private final EpisodeListener episodeListener;
  private final GreedyEvaluation evaluation;
  private final long evaluateEvery;
  private final EvaluationListener evaluationListener;
  private final UpdateListener updateListener;
  private final long checkpointEvery;
  private final CheckpointListener checkpointListener;
  private final TrainingPosition start;

  /**
   * @param env the training environment (with its time limit)
   * @param agent the agent to train
   * @param seed the seed the episodes' reset seeds derive from (derive it from the run seed, apart from the agent's)
   */
  public TrainingLoop(Environment env, Agent agent, long seed) {
    this(env, agent, seed, e -> Signal.CONTINUE, null, 0, e -> Signal.CONTINUE, (s, e, u) -> Signal.CONTINUE, 0,
        p -> Signal.CONTINUE, TrainingPosition.START);
  }

  private TrainingLoop(Environment env, Agent agent, long seed, EpisodeListener episodeListener,
      GreedyEvaluation evaluation, long evaluateEvery, EvaluationListener evaluationListener,
      UpdateListener updateListener, long checkpointEvery, CheckpointListener checkpointListener,
      TrainingPosition start) {
    this.env = Objects.requireNonNull(env, "env");
    this.agent = Objects.requireNonNull(agent, "agent");
    this.seed = seed;
    this.episodeListener = Objects.requireNonNull(episodeListener, "episodeListener");
    this.evaluation = evaluation;
    this.evaluateEvery = evaluateEvery;
    this.evaluationListener = Objects.requireNonNull(evaluationListener, "evaluationListener");
    this.updateListener = Objects.requireNonNull(updateListener, "updateListener");
    this.checkpointEvery = checkpointEvery;
    this.checkpointListener = Objects.requireNonNull(checkpointListener, "checkpointListener");
    this.start = Objects.requireNonNull(start, "start");
  }

  /** The same loop reporting episodes to {@code listener}. */
  public TrainingLoop withEpisodeListener(EpisodeListener listener) {
    return new TrainingLoop(env, agent, seed, listener, evaluation, evaluateEvery, evaluationListener, updateListener,
        checkpointEvery, checkpointListener, start);
  }

  /** The same loop running {@code evaluation} every {@code everySteps} environment steps, reported to {@code listener}. */
  public TrainingLoop withEvaluation(GreedyEvaluation evaluation, long everySteps, EvaluationListener listener) {
    if (everySteps <= 0) {
      throw new IllegalArgumentException("evaluateEvery = " + everySteps + " is invalid; expected > 0 environment steps");
    }
    return new TrainingLoop(env, agent, seed, episodeListener, Objects.requireNonNull(evaluation, "evaluation"),
        everySteps, listener, updateListener, checkpointEvery, checkpointListener, start);
  }

  /** The same loop reporting every gradient step to {@code listener}. */
  public TrainingLoop withUpdateListener(UpdateListener listener) {
    return new TrainingLoop(env, agent, seed, episodeListener, evaluation, evaluateEvery, evaluationListener, listener,
        checkpointEvery, checkpointListener, start);
  }

  /**
   * The same loop calling {@code listener} at the first episode boundary at or after every multiple of
   * {@code everySteps} env steps: after an episode whose steps crossed or reached such a multiple, once, after the
   * episode listener.
   */
  public TrainingLoop withCheckpoints(long everySteps, CheckpointListener listener) {
    if (everySteps <= 0) {
      throw new IllegalArgumentException("checkpoint every = " + everySteps + " is invalid; expected > 0 env steps");
    }
    return new TrainingLoop(env, agent, seed, episodeListener, evaluation, evaluateEvery, evaluationListener,
        updateListener, everySteps, Objects.requireNonNull(listener, "checkpoint listener"), start);
  }

  /**
   * The same loop continuing from {@code position}, an episode boundary where a checkpoint listener was called: the
   * next episode is {@code position.episodes()}, the step count and the wall clock go on from the position's. The
   * agent must have been restored from its checkpoint at that boundary.
   */
  public TrainingLoop startingFrom(TrainingPosition position) {
    return new TrainingLoop(env, agent, seed, episodeListener, evaluation, evaluateEvery, evaluationListener,
        updateListener, checkpointEvery, checkpointListener, Objects.requireNonNull(position, "position"));
  }

  /** Trains until the budget runs out or a listener says stop; a position already at the budget trains no more. */
  public TrainingSummary run(Budget budget) {
    long start = System.nanoTime() - Math.round(this.start.wallSeconds() * 1e9);
    long steps = this.start.envSteps();
    long episodes = this.start.episodes();
    long gradientSteps = this.start.gradientSteps();
    if (spent(budget, steps, episodes)) {
      return new TrainingSummary(episodes, steps, gradientSteps, false, seconds(start));
    }
    while (true) {
      long stepsAtEpisodeStart = steps;
      float[] obs = env.reset(Seeds.derive(seed, episodes));
      double exploration = agent.explorationParameter();
      double ret = 0;
      double lossSum = 0;
      double betaSum = 0;
      int betaCount = 0;
      int updates = 0;
      int updateEvents = 0;
      int length = 0;
      boolean terminated;
      while (true) {
        int action = agent.act(obs, ActMode.EXPLORE);
        StepResult r = env.step(action);
        agent.observe(new Transition(obs, action, r.reward(), r.observation(), r.terminated(), r.truncated()));
        UpdateResult u = agent.update();
        steps++;
        if (u.updated()) {
          updateEvents++;
          updates += u.gradientSteps();
          gradientSteps += u.gradientSteps();
          lossSum += u.loss();
          if (!Double.isNaN(u.meanBeta())) {
            betaSum += u.meanBeta();
            betaCount++;
          }
          if (updateListener.onUpdate(steps, episodes, u) == Signal.STOP) {
            return new TrainingSummary(episodes, steps, gradientSteps, true, seconds(start));
          }
        }
        length++;
        ret += r.reward();
        obs = r.observation();
        if (evaluation != null && steps % evaluateEvery == 0) {
          double[] returns = evaluation.run(agent);
          List<Double> list = new ArrayList<>(returns.length);
          double sum = 0;
          for (double v : returns) {
            list.add(v);
            sum += v;
          }
          EvaluationRecord e = new EvaluationRecord(steps, episodes, list, sum / returns.length, seconds(start));
          if (evaluationListener.onEvaluation(e) == Signal.STOP) {
            return new TrainingSummary(episodes, steps, gradientSteps, true, seconds(start));
          }
        }
        if (r.done()) {
          terminated = r.terminated();
          break;
        }
        if (budget.maxEnvSteps() > 0 && steps >= budget.maxEnvSteps()) {
          return new TrainingSummary(episodes, steps, gradientSteps, false, seconds(start));
        }
      }
      EpisodeRecord record = new EpisodeRecord(episodes, steps, ret, length, terminated, exploration,
          updateEvents == 0 ? Double.NaN : lossSum / updateEvents, betaCount == 0 ? Double.NaN : betaSum / betaCount, updates,
          seconds(start));
      episodes++;
      if (episodeListener.onEpisode(record) == Signal.STOP) {
        return new TrainingSummary(episodes, steps, gradientSteps, true, seconds(start));
      }
      if (checkpointEvery > 0 && steps / checkpointEvery > stepsAtEpisodeStart / checkpointEvery
          && checkpointListener.onCheckpoint(new TrainingPosition(episodes, steps, gradientSteps, seconds(start))) == Signal.STOP) {
        return new TrainingSummary(episodes, steps, gradientSteps, true, seconds(start));
      }
      if (spent(budget, steps, episodes)) {
        return new TrainingSummary(episodes, steps, gradientSteps, false, seconds(start));
      }
    }
  }

  private static boolean spent(Budget budget, long steps, long episodes) {
    return (budget.maxEnvSteps() > 0 && steps >= budget.maxEnvSteps())
        || (budget.maxEpisodes() > 0 && episodes >= budget.maxEpisodes());
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) * 1e-9;
  }

  @Override
  public String toString() {
    return "TrainingLoop(env=" + env + ", agent=" + agent + ", seed=" + seed
        + (evaluation == null ? "" : ", evaluateEvery=" + evaluateEvery + ", " + evaluation)
        + (checkpointEvery == 0 ? "" : ", checkpointEvery=" + checkpointEvery)
        + (start.equals(TrainingPosition.START) ? "" : ", from=" + start) + ")";
  }
}
