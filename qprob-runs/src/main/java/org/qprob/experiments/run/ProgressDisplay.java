package org.qprob.experiments.run;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.qprob.agents.config.ReplayConfig;

/**
 * Shows how a sweep goes. On a terminal: a progress bar over all runs (each run counts 1000 ticks, advanced by the
 * share of its budget used), with the runs done, the latest run's recent returns and an ETA. Elsewhere (a log, a
 * test): one line per run as it ends.
 */
public final class ProgressDisplay implements RunProgress, AutoCloseable {
  private static final int TICKS_PER_RUN = 1000;

  private final PrintWriter lines;
  private final ProgressBar bar;
  private final int total;
  private final Map<String, Integer> ticks = new ConcurrentHashMap<>();
  private final Map<String, double[]> recent = new ConcurrentHashMap<>();
  private int ended;
  private int failed;
  private int diverged;

  /**
   * @param specs the runs to show
   * @param lines where the per-run lines go when there is no bar
   * @param terminal where the bar is drawn, or null for no bar
   */
  public ProgressDisplay(List<RunSpec> specs, PrintWriter lines, PrintStream terminal) {
    this.lines = lines;
    this.total = specs.size();
    this.bar = terminal == null ? null : new ProgressBarBuilder()
        .setTaskName("qprob")
        .setUnit(" runs", TICKS_PER_RUN)
        .setInitialMax((long) TICKS_PER_RUN * specs.size())
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(1000)
        .setConsumer(new ConsoleProgressBarConsumer(terminal))
        .continuousUpdate()
        .build();
    if (bar != null) {
      bar.setExtraMessage("0/" + total + " done");
    }
  }

  @Override
  public void episode(RunSpec spec, EpisodeRow row) {
    double share = spec.budget().inEpisodes() ? row.episode() / (double) spec.budget().episodes()
        : row.envSteps() / (double) spec.budget().envSteps();
    int now = (int) Math.min(TICKS_PER_RUN, Math.round(share * TICKS_PER_RUN));
    Integer before = ticks.put(spec.label(), now);
    double[] window = recent.computeIfAbsent(spec.label(), k -> new double[20]);
    synchronized (window) {
      window[(row.episode() - 1) % window.length] = row.episodeReturn();
    }
    if (bar != null) {
      synchronized (this) {
        bar.stepBy(now - (before == null ? 0 : before));
        int n = Math.min(row.episode(), window.length);
        double sum = 0;
        synchronized (window) {
          for (int i = 0; i < n; i++) {
            sum += window[i];
          }
        }
        bar.setExtraMessage(String.format(Locale.ROOT, "%d/%d done | %s ep %d: R %.0f, mean%d %.1f", ended, total,
            spec.label(), row.episode(), row.episodeReturn(), n, sum / n));
      }
    }
  }

  @Override
  public synchronized void ended(RunOutcome outcome) {
    ended++;
    String label = outcome.spec().label();
    if (outcome.failed()) {
      failed++;
    }
    if (outcome.diverged()) {
      diverged++;
    }
    if (bar != null) {
      Integer before = ticks.put(label, TICKS_PER_RUN);
      bar.stepBy(TICKS_PER_RUN - (before == null ? 0 : before));
      bar.setExtraMessage(ended + "/" + total + " done" + (failed > 0 ? ", " + failed + " failed" : "")
          + (diverged > 0 ? ", " + diverged + " diverged" : ""));
    }
    if (bar == null || !outcome.finished()) {
      lines.println("[" + ended + "/" + total + "] " + outcome.spec().experiment() + " " + label + ": " + describe(outcome));
    }
    if (outcome.fewGradientSteps()) {
      lines.println("[" + ended + "/" + total + "] " + outcome.spec().experiment() + " " + label + ": "
          + fewGradientStepsWarning(outcome));
    }
    lines.flush();
  }

  static String describe(RunOutcome o) {
    if (o.skipped()) {
      return o.diverged() ? "already diverged, kept (" + o.error() + ")" : "already finished, kept";
    }
    if (o.failed()) {
      return "FAILED: " + o.error() + " (see " + o.spec().folder().resolve(RunFiles.ERROR) + ")";
    }
    boolean offline = o.spec().budget().offline();
    String resumed = o.resumedAtEnvStep() == null ? "" : ", resumed from the checkpoint at "
        + (offline ? "gradient" : "env") + " step " + o.resumedAtEnvStep();
    if (o.diverged()) {
      return "DIVERGED: " + o.error() + "; its files are kept in " + o.spec().folder() + resumed;
    }
    long s = Math.round(o.wallSeconds());
    if (offline) {
      return String.format(Locale.ROOT, "finished: %d gradient steps (offline), %d:%02d%s", o.gradientSteps(), s / 60,
          s % 60, resumed);
    }
    return String.format(Locale.ROOT, "finished: %d episodes, %d env steps, %d gradient steps, final return %.1f, "
        + "%d:%02d%s", o.episodes(), o.envSteps(), o.gradientSteps(), o.finalReturn(), s / 60, s % 60, resumed);
  }

  /** The warning for a run that took far fewer gradient steps than its replay config implies. */
  static String fewGradientStepsWarning(RunOutcome o) {
    ReplayConfig r = o.spec().config().agent().replay();
    return "WARNING: took " + o.gradientSteps() + " gradient steps in " + o.envSteps() + " env steps; its config implies "
        + r.impliedGradientSteps(o.envSteps()) + " (replay.learningStarts = " + r.learningStarts()
        + " env steps, updateEvery = " + r.updateEvery() + ", gradientSteps = " + r.gradientSteps() + ")";
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
