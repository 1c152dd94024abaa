package org.qprob.agents.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qprob.api.Options;
import org.qprob.api.PluginRegistry;
import org.qprob.api.env.Environment;
import org.qprob.api.env.EnvironmentProvider;
import org.qprob.api.env.StepResult;

/** The recorder passes everything through unchanged and remembers exactly the finished episodes. */
class EpisodeRecorderTest {
  /** A 4-state chain, uniform start, cut after 2 steps: episodes terminate (exit, goal) or are truncated. */
  private static Environment chain() {
    return PluginRegistry.load(EnvironmentProvider.class, "environment", EnvironmentProvider::id).get("NoisyChain-v0")
        .create(new Options("env", Map.of("length", 4, "start", "uniform", "max_episode_steps", 2)));
  }

  @Test
  void recordsWhatTheEnvironmentDidAndChangesNothing() {
    Environment plain = chain();
    EpisodeRecorder recorded = new EpisodeRecorder(chain(), 1000);
    SplittableRandom actions = new SplittableRandom(5);
    List<List<Object>> expected = new ArrayList<>();
    int truncated = 0;
    for (int episode = 0; episode < 200; episode++) {
      float[] a = plain.reset(episode);
      float[] b = recorded.reset(episode);
      assertThat(b).isEqualTo(a);
      List<float[]> obs = new ArrayList<>();
      List<Integer> acts = new ArrayList<>();
      List<Double> rewards = new ArrayList<>();
      while (true) {
        int action = actions.nextInt(2);
        obs.add(a);
        acts.add(action);
        StepResult x = plain.step(action);
        StepResult y = recorded.step(action);
        assertThat(y).usingRecursiveComparison().isEqualTo(x);
        rewards.add(x.reward());
        a = x.observation();
        if (x.done()) {
          expected.add(List.of(obs, acts, rewards, x.terminated()));
          truncated += x.terminated() ? 0 : 1;
          break;
        }
      }
    }
    assertThat(truncated).as("some episodes were cut by the time limit").isBetween(20, 180);
    List<Episode> got = recorded.finished();
    assertThat(got).hasSize(200);
    for (int i = 0; i < 200; i++) {
      Episode e = got.get(i);
      List<Object> want = expected.get(i);
      assertThat(e.observations()).containsExactlyElementsOf(castFloats(want.get(0)));
      assertThat(e.actions()).containsExactly(((List<?>) want.get(1)).stream().mapToInt(o -> (Integer) o).toArray());
      assertThat(e.rewards()).containsExactly(((List<?>) want.get(2)).stream().mapToDouble(o -> (Double) o).toArray());
      assertThat(e.terminated()).isEqualTo(want.get(3));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<float[]> castFloats(Object o) {
    return (List<float[]>) o;
  }

  @Test
  void keepsTheLastFinishedEpisodesAndDropsAnUnfinishedOne() {
    EpisodeRecorder r = new EpisodeRecorder(chain(), 3);
    for (int episode = 0; episode < 5; episode++) {
      r.reset(episode);
      while (!r.step(1).done()) {
        // advance to the end or the time limit
      }
    }
    r.reset(99);
    r.step(1); // unfinished: forgotten by the next reset
    r.reset(100);
    assertThat(r.finished()).hasSize(3);
    List<Episode> taken = r.takeFinished();
    assertThat(taken).hasSize(3);
    assertThat(r.finished()).isEmpty();
    r.restore(List.of(taken.get(0), taken.get(1), taken.get(2), taken.get(0)));
    assertThat(r.finished()).containsExactly(taken.get(1), taken.get(2), taken.get(0));
    assertThatThrownBy(() -> new EpisodeRecorder(chain(), 0)).hasMessageContaining("capacity = 0 is invalid");
  }
}
