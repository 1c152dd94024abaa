package org.qprob.agents;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.qprob.agents.config.ExplorationConfig;
import org.qprob.agents.config.ReplayConfig;
import org.qprob.agents.exploration.Exploration;
import org.qprob.agents.random.RandomStream;
import org.qprob.agents.random.Seeds;
import org.qprob.agents.replay.NStepWindow;
import org.qprob.agents.replay.ReplayBuffer;
import org.qprob.agents.replay.ReplaySampler;
import org.qprob.api.agent.Transition;

/**
 * The experience side of a replay agent: the replay buffer, the n-step window that folds steps into it, the sampler
 * ({@code replay.kind}) and the stream it draws from, the exploration that picks
 * actions, and the counters (environment steps observed, gradient steps taken, the step last considered for an
 * update). It decides when an update is due: once per environment step, when more than {@code replay.learningStarts}
 * environment steps have been taken and the step count is a multiple of {@code replay.updateEvery}; each update event
 * takes {@code replay.gradientSteps} gradient steps.
 *
 * <p>The replay and exploration streams are derived from the agent's seed under the names {@code "replay"} and
 * {@code "exploration"}.
 */
public final class Experience {
  private final ReplayConfig replay;
  private final ReplayBuffer buffer;
  private final NStepWindow window;
  private final ReplaySampler sampler;
  private final RandomStream replayRng;
  private final Exploration exploration;
  private long steps;
  private long updates;
  private long lastUpdateStep = -1;

  /**
   * Empty experience for observations of {@code rawWidth} numbers, its random streams derived from {@code seed},
   * n-step returns discounted by {@code gamma}, batches drawn by {@code sampler}.
   */
  public Experience(ReplayConfig replay, ExplorationConfig exploration, int rawWidth, long seed, double gamma,
      ReplaySampler sampler) {
    this.replay = replay;
    this.buffer = new ReplayBuffer(replay.capacity(), rawWidth);
    this.window = new NStepWindow(replay.nStep(), gamma, rawWidth);
    this.sampler = sampler;
    this.replayRng = new RandomStream(Seeds.derive(seed, "replay"));
    this.exploration = new Exploration(exploration, new RandomStream(Seeds.derive(seed, "exploration")));
  }

  /**
   * Passes a step to the n-step window (which stores what it completes, the sampler told of each slot), counts the
   * step and advances exploration (per step, and per episode at its end).
   */
  public void observe(Transition t) {
    window.push(t, buffer, sampler::added);
    steps++;
    exploration.onStep();
    if (t.episodeEnd()) {
      exploration.onEpisodeEnd();
    }
  }

  /**
   * Claims the current environment step for an update: true the first time it is called after a step is observed,
   * false on any further call before the next one (an agent updates at most once per step).
   */
  public boolean claimStep() {
    if (steps == lastUpdateStep) {
      return false;
    }
    lastUpdateStep = steps;
    return true;
  }

  /**
   * Whether this step is an update event: more than {@code replay.learningStarts} environment steps taken (as CleanRL's
   * {@code global_step > learning_starts}), and the step count a multiple of {@code replay.updateEvery}. The buffer
   * then holds at least a batch with one-step returns ({@code learningStarts >= batchSize - 1} and
   * {@code capacity >= batchSize}); with n-step returns, whose last n - 1 steps wait in the window, the first update
   * also waits until the buffer holds a batch.
   */
  public boolean updateDue() {
    return steps > replay.learningStarts() && steps % replay.updateEvery() == 0
        && buffer.size() >= replay.batchSize();
  }

  /** The gradient steps an update event takes, each on its own sample ({@code replay.gradientSteps}). */
  public int gradientSteps() {
    return replay.gradientSteps();
  }

  /**
   * Fills {@code indices} with a batch of buffer slots and {@code weights} with their loss weights, as the sampler
   * draws them from the replay stream (uniform: without replacement, weights 1).
   */
  public void sample(int[] indices, double[] weights) {
    sampler.sample(buffer.size(), indices, weights, steps, replayRng);
  }

  /** Whether the sampler uses the loss's priority signal. */
  public boolean usesPriorities() {
    return sampler.usesPriorities();
  }

  /** Hands the loss's per-sample priority signal for the batch {@code indices} just sampled to the sampler. */
  public void prioritize(int[] indices, double[] signal) {
    sampler.prioritize(indices, signal);
  }

  /** Counts one gradient step taken. */
  public void countUpdate() {
    updates++;
  }

  /** Whether the environment step count is a multiple of {@code every} (e.g. the target network's period). */
  public boolean atStepMultipleOf(int every) {
    return steps % every == 0;
  }

  /** The transitions kept. */
  public ReplayBuffer buffer() {
    return buffer;
  }

  /** The exploration that turns preferences into actions. */
  public Exploration exploration() {
    return exploration;
  }

  /** The current exploration parameter (epsilon or temperature). */
  public double explorationParameter() {
    return exploration.parameter();
  }

  /** Environment steps observed. */
  public long steps() {
    return steps;
  }

  /** Gradient steps taken. */
  public long updates() {
    return updates;
  }

  /** Writes the counters: steps, updates, the step last claimed. A checkpoint writes these first. */
  public void writeCounters(DataOutputStream out) throws IOException {
    out.writeLong(steps);
    out.writeLong(updates);
    out.writeLong(lastUpdateStep);
  }

  /** Reads what {@link #writeCounters} wrote. */
  public void readCounters(DataInputStream in) throws IOException {
    steps = in.readLong();
    updates = in.readLong();
    lastUpdateStep = in.readLong();
  }

  /**
   * Writes the memory: the buffer, the replay stream's state, the exploration, the sampler's state (the sum tree of
   * prioritized replay), the n-step window. A checkpoint writes these last.
   */
  public void writeMemory(DataOutputStream out) throws IOException {
    buffer.write(out);
    out.writeLong(replayRng.state());
    exploration.write(out);
    sampler.write(out);
    window.write(out);
  }

  /** Reads what {@link #writeMemory} wrote. */
  public void readMemory(DataInputStream in) throws IOException {
    buffer.read(in);
    replayRng.restore(in.readLong());
    exploration.read(in);
    sampler.read(in);
    window.read(in);
  }

  /** The sampler ({@code replay.kind}). */
  public ReplaySampler sampler() {
    return sampler;
  }

  /** The buffer and the exploration, as the agents print them. */
  @Override
  public String toString() {
    return buffer + ", " + sampler + (replay.nStep() > 1 ? ", " + replay.nStep() + "-step" : "") + ", " + exploration;
  }
}
