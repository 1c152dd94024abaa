package org.qprob.experiments.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.qprob.experiments.run.Provenance;
import org.qprob.experiments.run.RunOutcome;
import org.qprob.experiments.run.RunProgress;
import org.qprob.experiments.run.RunSpec;

/**
 * Executes run specifications on a pool of {@code min(jobs, runs)} threads, one run per thread at a time. Each run
 * is single-threaded (the launcher sets {@code OMP_NUM_THREADS=1}), so runs scale across cores. A run whose folder
 * already holds it ended (finished or diverged) is skipped; an unfinished one continues from its checkpoint.
 */
public final class RunPool {
  private final RunExecutor executor;
  private final int jobs;

  /**
   * @param executor what executes each run
   * @param jobs the most runs at once, at least 1
   */
  public RunPool(RunExecutor executor, int jobs) {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs = " + jobs + " is invalid; expected an integer >= 1");
    }
    this.executor = executor;
    this.jobs = jobs;
  }

  /** The number of cores, the default for {@code jobs}. */
  public static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** Runs every spec and returns their outcomes in the order given. */
  public List<RunOutcome> run(List<RunSpec> specs, RunProgress progress) {
    if (specs.isEmpty()) {
      return List.of();
    }
    AtomicInteger counter = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, specs.size()), r -> {
      Thread t = new Thread(r, "qprob-run-" + counter.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<RunOutcome>> futures = new ArrayList<>();
      for (RunSpec spec : specs) {
        futures.add(pool.submit(() -> executor.runOrSkip(spec, progress)));
      }
      List<RunOutcome> outcomes = new ArrayList<>();
      for (Future<RunOutcome> f : futures) {
        outcomes.add(f.get());
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while runs were under way", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }
}
