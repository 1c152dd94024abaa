package org.qprob.agents.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qprob.agents.random.RandomStream;
import org.qprob.agents.random.Seeds;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.Agent;
import org.qprob.api.agent.Transition;
import org.qprob.api.agent.UpdateResult;
import org.qprob.api.env.Box;
import org.qprob.api.env.Discrete;
import org.qprob.api.env.Environment;
import org.qprob.api.env.Space;
import org.qprob.api.env.StepResult;
import org.qprob.api.run.EpisodeRecord;
import org.qprob.api.run.EvaluationRecord;
import org.qprob.api.run.Signal;
import org.qprob.api.run.TrainingPosition;

/** Checkpoint callbacks at episode boundaries, update callbacks, and resuming a loop from a saved position. */
class TrainingLoopResumeTest {
  /** Episode lengths and rewards drawn from the reset seed alone, as a real environment's are. */
  static final class SeededEnv implements Environment {
    final List<Long> seeds = new ArrayList<>();
    RandomStream rng = new RandomStream(0);
    int length;
    int t;

    @Override
    public Space observationSpace() {
      return new Box(new float[] {0}, new float[] {100});
    }

    @Override
    public Discrete actionSpace() {
      return new Discrete(2);
    }

    @Override
    public float[] reset(long seed) {
      seeds.add(seed);
      rng = new RandomStream(seed);
      return reset();
    }

    @Override
    public float[] reset() {
      length = 2 + rng.nextInt(6);
      t = 0;
      return new float[] {0};
    }

    @Override
    public StepResult step(int action) {
      t++;
      return new StepResult(new float[] {t}, action + rng.nextDouble(), t == length, false);
    }

    @Override
    public float[] resetTo(double[] state) {
      throw new UnsupportedOperationException();
    }

    @Override
    public double[] state() {
      return new double[] {t};
    }
  }

  /** Explores with its own generator; its "loss" depends on everything it saw; checkpoints its whole state. */
  static final class StatefulAgent implements Agent {
    final RandomStream rng = new RandomStream(42);
    double memory;
    long observed;
    int episodesEnded;

    @Override
    public int act(float[] observation, ActMode mode) {
      return mode == ActMode.GREEDY ? (memory > 0 ? 1 : 0) : rng.nextInt(2);
    }

    @Override
    public void observe(Transition transition) {
      observed++;
      memory = 0.9 * memory + transition.reward() - 0.7;
      if (transition.episodeEnd()) {
        episodesEnded++;
      }
    }

    @Override
    public UpdateResult update() {
      return observed >= 5 ? new UpdateResult(true, memory * memory, Double.NaN) : UpdateResult.NONE;
    }

    @Override
    public double explorationParameter() {
      return 1.0 / (1 + episodesEnded);
    }

    @Override
    public void checkpoint(DataOutputStream out) throws IOException {
      out.writeLong(rng.state());
      out.writeDouble(memory);
      out.writeLong(observed);
      out.writeInt(episodesEnded);
    }

    @Override
    public void restore(DataInputStream in) throws IOException {
      rng.restore(in.readLong());
      memory = in.readDouble();
      observed = in.readLong();
      episodesEnded = in.readInt();
    }
  }

  /** Everything a record says except the wall clock. */
  private static String withoutWallClock(EpisodeRecord e) {
    return e.episode() + " " + e.envSteps() + " " + e.episodeReturn() + " " + e.length() + " " + e.terminated() + " "
        + e.explorationParameter() + " " + e.meanLoss() + " " + e.updates();
  }

  private static String withoutWallClock(EvaluationRecord e) {
    return e.envSteps() + " " + e.episodes() + " " + e.returns();
  }

  private record Saved(TrainingPosition position, byte[] agent, int episodesLogged, int evaluationsLogged) {}

  private static byte[] bytes(Agent agent) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(b)) {
      agent.checkpoint(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toByteArray();
  }

  @Test
  void checkpointsComeAtTheFirstEpisodeBoundaryAtOrAfterEachMultiple() {
    List<Long> episodeEnds = new ArrayList<>();
    List<TrainingPosition> checkpoints = new ArrayList<>();
    new TrainingLoop(new SeededEnv(), new StatefulAgent(), 9).withEpisodeListener(e -> {
      episodeEnds.add(e.envSteps());
      return Signal.CONTINUE;
    }).withCheckpoints(10, p -> {
      checkpoints.add(p);
      return Signal.CONTINUE;
    }).run(Budget.steps(100));
    List<Long> expected = new ArrayList<>();
    long before = 0;
    for (long end : episodeEnds) {
      if (end / 10 > before / 10) {
        expected.add(end);
      }
      before = end;
    }
    assertThat(checkpoints).extracting(TrainingPosition::envSteps).containsExactlyElementsOf(expected);
    assertThat(expected.size()).as("an episode lasts at most 7 steps: one checkpoint per 10 steps").isBetween(8, 10);
    for (TrainingPosition p : checkpoints) {
      assertThat(p.episodes()).isEqualTo(episodeEnds.indexOf(p.envSteps()) + 1);
      assertThat(p.wallSeconds()).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void aLoopResumedFromAnyCheckpointContinuesExactlyAsTheUninterruptedOne() {
    List<String> episodes = new ArrayList<>();
    List<String> evaluations = new ArrayList<>();
    List<Saved> saved = new ArrayList<>();
    StatefulAgent agent = new StatefulAgent();
    TrainingSummary whole = new TrainingLoop(new SeededEnv(), agent, 3).withEpisodeListener(e -> {
      episodes.add(withoutWallClock(e));
      return Signal.CONTINUE;
    }).withEvaluation(new GreedyEvaluation(new SeededEnv(), 2, 8), 7, e -> {
      evaluations.add(withoutWallClock(e));
      return Signal.CONTINUE;
    }).withCheckpoints(12, p -> {
      saved.add(new Saved(p, bytes(agent), episodes.size(), evaluations.size()));
      return Signal.CONTINUE;
    }).run(Budget.steps(150));
    assertThat(saved).hasSizeGreaterThan(5);

    for (Saved s : saved) {
      StatefulAgent resumed = new StatefulAgent();
      try {
        resumed.restore(new DataInputStream(new ByteArrayInputStream(s.agent())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      SeededEnv env = new SeededEnv();
      List<String> moreEpisodes = new ArrayList<>(episodes.subList(0, s.episodesLogged()));
      List<String> moreEvaluations = new ArrayList<>(evaluations.subList(0, s.evaluationsLogged()));
      TrainingSummary rest = new TrainingLoop(env, resumed, 3).withEpisodeListener(e -> {
        moreEpisodes.add(withoutWallClock(e));
        return Signal.CONTINUE;
      }).withEvaluation(new GreedyEvaluation(new SeededEnv(), 2, 8), 7, e -> {
        moreEvaluations.add(withoutWallClock(e));
        return Signal.CONTINUE;
      }).startingFrom(s.position()).run(Budget.steps(150));
      assertThat(moreEpisodes).as("resumed at %s", s.position()).isEqualTo(episodes);
      assertThat(moreEvaluations).as("resumed at %s", s.position()).isEqualTo(evaluations);
      assertThat(rest.envSteps()).isEqualTo(whole.envSteps());
      assertThat(rest.episodes()).isEqualTo(whole.episodes());
      assertThat(rest.wallSeconds()).as("the clock goes on").isGreaterThanOrEqualTo(s.position().wallSeconds());
      assertThat(env.seeds.get(0)).isEqualTo(Seeds.derive(3, s.position().episodes()));
      assertThat(bytes(resumed)).isEqualTo(bytes(agent));
    }
  }

  @Test
  void aPositionAtTheBudgetTrainsNoMore() {
    SeededEnv env = new SeededEnv();
    TrainingSummary s = new TrainingLoop(env, new StatefulAgent(), 1)
        .startingFrom(new TrainingPosition(4, 20, 0, 1.5)).run(Budget.episodes(4));
    assertThat(s.episodes()).isEqualTo(4);
    assertThat(s.envSteps()).isEqualTo(20);
    assertThat(s.stoppedByListener()).isFalse();
    assertThat(env.seeds).isEmpty();
  }

  @Test
  void theUpdateListenerSeesEveryGradientStepAndCanStopTheLoop() {
    List<Long> steps = new ArrayList<>();
    TrainingSummary s = new TrainingLoop(new SeededEnv(), new StatefulAgent(), 2).withUpdateListener((at, ep, u) -> {
      assertThat(u.updated()).isTrue();
      steps.add(at);
      return at == 17 ? Signal.STOP : Signal.CONTINUE;
    }).run(Budget.steps(100));
    // updates start once 5 transitions were observed: steps 5..17
    assertThat(steps).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(5, 17).boxed().toList());
    assertThat(s.stoppedByListener()).isTrue();
    assertThat(s.envSteps()).isEqualTo(17);
  }

  @Test
  void badPeriodsAndPositionsFailWithOneLine() {
    TrainingLoop loop = new TrainingLoop(new SeededEnv(), new StatefulAgent(), 1);
    assertThatThrownBy(() -> loop.withCheckpoints(0, p -> Signal.CONTINUE)).hasMessage(
        "checkpoint every = 0 is invalid; expected > 0 env steps");
    assertThatThrownBy(() -> new TrainingPosition(5, 3, 0, 0)).hasMessage(
        "training position = 5 episodes, 3 env steps is invalid; expected 0 <= episodes <= env steps");
    assertThatThrownBy(() -> new TrainingPosition(1, 3, 0, Double.NaN)).hasMessageContaining("wall seconds = NaN");
  }
}
