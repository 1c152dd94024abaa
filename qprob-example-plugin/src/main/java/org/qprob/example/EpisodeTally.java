package org.qprob.example;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.qprob.api.agent.UpdateResult;
import org.qprob.api.run.EpisodeRecord;
import org.qprob.api.run.EvaluationRecord;
import org.qprob.api.run.RunContext;
import org.qprob.api.run.RunObserver;
import org.qprob.api.run.RunObserverProvider;
import org.qprob.api.run.Signal;

/**
 * An example run observer from a plugin jar: counts a run's training episodes, gradient steps and evaluations and,
 * when the run ends for good, writes them with the best training return to {@code episode-tally.txt} in the run's
 * folder. A resumed run starts counting at its checkpoint, so the file describes the part of the run since then.
 */
public final class EpisodeTally implements RunObserver {
  /** The file it writes. */
  public static final String FILE = "episode-tally.txt";

  private final Path file;
  private long episodes;
  private long gradientSteps;
  private long evaluations;
  private double bestReturn = Double.NEGATIVE_INFINITY;

  EpisodeTally(Path folder) {
    this.file = folder.resolve(FILE);
  }

  @Override
  public Signal episodeEnded(EpisodeRecord episode) {
    episodes++;
    bestReturn = Math.max(bestReturn, episode.episodeReturn());
    return Signal.CONTINUE;
  }

  @Override
  public Signal updated(long envSteps, long episode, UpdateResult result) {
    gradientSteps += result.gradientSteps();
    return Signal.CONTINUE;
  }

  @Override
  public Signal evaluated(EvaluationRecord evaluation) {
    evaluations++;
    return Signal.CONTINUE;
  }

  @Override
  public void completed(boolean finished) {
    String text = "episodes " + episodes + "\ngradient steps " + gradientSteps + "\nevaluations " + evaluations
        + "\nbest return " + bestReturn + "\n" + (finished ? "finished" : "diverged") + "\n";
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Registers {@code episode-tally}. */
  public static final class Provider implements RunObserverProvider {
    @Override
    public String name() {
      return "episode-tally";
    }

    @Override
    public String description() {
      return "example plugin: episodes, gradient steps, evaluations and best return, episode-tally.txt";
    }

    @Override
    public RunObserver open(RunContext context) {
      return new EpisodeTally(context.folder());
    }
  }
}
