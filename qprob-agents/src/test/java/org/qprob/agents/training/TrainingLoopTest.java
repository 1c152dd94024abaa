package org.qprob.agents.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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
import org.qprob.api.env.TimeLimit;
import org.qprob.api.run.EpisodeRecord;
import org.qprob.api.run.EvaluationRecord;
import org.qprob.api.run.Signal;

class TrainingLoopTest {
  /** Episode k (counted over resets) lasts 3 + k % 3 steps and terminates; reward = the action taken + 1. */
  static final class ScriptedEnv implements Environment {
    final List<Long> seeds = new ArrayList<>();
    int resets;
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
      return reset();
    }

    @Override
    public float[] reset() {
      length = 3 + resets % 3;
      resets++;
      t = 0;
      return new float[] {0};
    }

    @Override
    public StepResult step(int action) {
      t++;
      return new StepResult(new float[] {t}, action + 1, t == length, false);
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

  /** Acts 1 when exploring, 0 when greedy; reports loss = steps seen, beta = 2, and updates from step 4 on. */
  static final class RecordingAgent implements Agent {
    final List<Transition> seen = new ArrayList<>();
    int updates;
    int greedyActs;
    int episodesEnded;

    @Override
    public int act(float[] observation, ActMode mode) {
      if (mode == ActMode.GREEDY) {
        greedyActs++;
        return 0;
      }
      return 1;
    }

    @Override
    public void observe(Transition transition) {
      seen.add(transition);
      if (transition.episodeEnd()) {
        episodesEnded++;
      }
    }

    @Override
    public UpdateResult update() {
      updates++;
      return seen.size() >= 4 ? new UpdateResult(true, seen.size(), 2.0) : UpdateResult.NONE;
    }

    @Override
    public double explorationParameter() {
      return 1.0 / (1 + episodesEnded);
    }

    @Override
    public void checkpoint(DataOutputStream out) {
    }

    @Override
    public void restore(DataInputStream in) {
    }
  }

  @Test
  void runsEpisodesWithDerivedSeedsAndReportsThem() {
    ScriptedEnv env = new ScriptedEnv();
    RecordingAgent agent = new RecordingAgent();
    List<EpisodeRecord> records = new ArrayList<>();
    TrainingSummary s = new TrainingLoop(env, agent, 77).withEpisodeListener(e -> {
      records.add(e);
      return Signal.CONTINUE;
    }).run(Budget.episodes(4));
    assertThat(env.seeds).containsExactly(Seeds.derive(77, 0), Seeds.derive(77, 1), Seeds.derive(77, 2),
        Seeds.derive(77, 3));
    assertThat(records).extracting(EpisodeRecord::length).containsExactly(3, 4, 5, 3);
    assertThat(records).extracting(EpisodeRecord::envSteps).containsExactly(3L, 7L, 12L, 15L);
    assertThat(records).extracting(EpisodeRecord::episodeReturn).containsExactly(6.0, 8.0, 10.0, 6.0);
    assertThat(records).extracting(EpisodeRecord::explorationParameter).containsExactly(1.0, 0.5, 1 / 3.0, 0.25);
    assertThat(records).extracting(EpisodeRecord::terminated).containsOnly(true);
    assertThat(records.get(0).meanLoss()).isNaN();
    assertThat(records.get(0).updates()).isZero();
    // episode 2 covers steps 4..7: losses 4, 5, 6, 7
    assertThat(records.get(1).updates()).isEqualTo(4);
    assertThat(records.get(1).meanLoss()).isEqualTo(5.5);
    assertThat(records.get(1).meanBeta()).isEqualTo(2.0);
    assertThat(agent.updates).isEqualTo(15);
    assertThat(agent.seen).hasSize(15);
    assertThat(agent.seen.get(2).terminated()).isTrue();
    assertThat(agent.seen.get(1).nextObservation()).containsExactly(2f);
    assertThat(agent.seen.get(2).observation()).containsExactly(2f);
    assertThat(s).isEqualTo(new TrainingSummary(4, 15, s.gradientSteps(), false, s.wallSeconds()));
  }

  @Test
  void stepBudgetCanEndInsideAnEpisode() {
    ScriptedEnv env = new ScriptedEnv();
    List<EpisodeRecord> records = new ArrayList<>();
    TrainingSummary s = new TrainingLoop(env, new RecordingAgent(), 1).withEpisodeListener(e -> {
      records.add(e);
      return Signal.CONTINUE;
    }).run(Budget.steps(10));
    assertThat(s.envSteps()).isEqualTo(10);
    assertThat(s.episodes()).isEqualTo(2);
    assertThat(records).hasSize(2);
    assertThat(new TrainingLoop(new ScriptedEnv(), new RecordingAgent(), 1).run(Budget.steps(7)).episodes()).isEqualTo(2);
  }

  @Test
  void listenersCanStopAndEvaluationRunsGreedilyOnItsOwnEnvironment() {
    ScriptedEnv env = new ScriptedEnv();
    ScriptedEnv evalEnv = new ScriptedEnv();
    RecordingAgent agent = new RecordingAgent();
    List<EvaluationRecord> evals = new ArrayList<>();
    TrainingSummary s = new TrainingLoop(env, agent, 5)
        .withEvaluation(new GreedyEvaluation(evalEnv, 2, 99), 5, e -> {
          evals.add(e);
          return evals.size() == 2 ? Signal.STOP : Signal.CONTINUE;
        })
        .run(Budget.steps(1000));
    assertThat(s.stoppedByListener()).isTrue();
    assertThat(s.envSteps()).isEqualTo(10);
    assertThat(evals).extracting(EvaluationRecord::envSteps).containsExactly(5L, 10L);
    assertThat(evals).extracting(EvaluationRecord::episodes).containsExactly(1L, 2L);
    // greedy action 0 gives reward 1 per step; eval episodes last 3 then 4 steps, then 5 and 3
    assertThat(evals.get(0).returns()).containsExactly(3.0, 4.0);
    assertThat(evals.get(1).returns()).containsExactly(5.0, 3.0);
    assertThat(evals.get(0).meanReturn()).isEqualTo(3.5);
    assertThat(evalEnv.seeds).containsExactly(Seeds.derive(99, 0), Seeds.derive(99, 1), Seeds.derive(99, 0),
        Seeds.derive(99, 1));
    assertThat(agent.greedyActs).isEqualTo(15);

    TrainingSummary stopped = new TrainingLoop(new ScriptedEnv(), new RecordingAgent(), 5)
        .withEpisodeListener(e -> e.episode() == 1 ? Signal.STOP : Signal.CONTINUE).run(Budget.episodes(100));
    assertThat(stopped.episodes()).isEqualTo(2);
    assertThat(stopped.stoppedByListener()).isTrue();
  }

  @Test
  void truncationEndsTheEpisodeWithoutTermination() {
    ScriptedEnv inner = new ScriptedEnv();
    RecordingAgent agent = new RecordingAgent();
    List<EpisodeRecord> records = new ArrayList<>();
    new TrainingLoop(new TimeLimit(inner, 2), agent, 3).withEpisodeListener(e -> {
      records.add(e);
      return Signal.CONTINUE;
    }).run(Budget.episodes(2));
    assertThat(records).extracting(EpisodeRecord::length).containsExactly(2, 2);
    assertThat(records).extracting(EpisodeRecord::terminated).containsExactly(false, false);
    assertThat(agent.seen.get(1).truncated()).isTrue();
    assertThat(agent.seen.get(1).terminated()).isFalse();
  }

  @Test
  void evaluationEpisodesStopAtTheirCap() {
    ScriptedEnv env = new ScriptedEnv(); // episodes of 3, 4, 5, 3 steps; greedy reward 1 per step
    RecordingAgent agent = new RecordingAgent();
    assertThat(new GreedyEvaluation(env, 4, 7, 4).run(agent)).containsExactly(3, 4, 4, 3);
    assertThat(agent.greedyActs).isEqualTo(14);
    assertThat(new GreedyEvaluation(new ScriptedEnv(), 4, 7).run(new RecordingAgent())).containsExactly(3, 4, 5, 3);
    assertThatThrownBy(() -> new GreedyEvaluation(env, 1, 1, -1)).hasMessage(
        "evaluation maxEpisodeSteps = -1 is invalid; expected >= 0 (0 = no cap)");
  }

  @Test
  void badBudgetsAndEvaluationsFailWithOneLine() {
    assertThatThrownBy(() -> new Budget(0, 0)).hasMessage(
        "budget = 0 steps, 0 episodes is invalid; expected counts >= 0 (0 = unlimited), at least one of them > 0");
    assertThatThrownBy(() -> new GreedyEvaluation(new ScriptedEnv(), 0, 1)).hasMessageContaining("expected > 0");
    TrainingLoop loop = new TrainingLoop(new ScriptedEnv(), new RecordingAgent(), 1);
    assertThatThrownBy(() -> loop.withEvaluation(new GreedyEvaluation(new ScriptedEnv(), 1, 1), 0, e -> Signal.STOP))
        .hasMessageContaining("evaluateEvery = 0");
  }
}
