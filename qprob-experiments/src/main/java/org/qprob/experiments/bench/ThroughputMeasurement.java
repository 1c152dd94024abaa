package org.qprob.experiments.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.config.ReferenceConfig;
import org.qprob.agents.random.Seeds;
import org.qprob.agents.training.Budget;
import org.qprob.agents.training.TrainingLoop;
import org.qprob.api.Options;
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.Agent;
import org.qprob.api.agent.Transition;
import org.qprob.api.agent.UpdateResult;
import org.qprob.api.env.Environment;
import org.qprob.experiments.guice.Plugins;

/**
 * Measures training throughput as a run trains: the environment, loss and agent made through the plugin registries,
 * the {@link TrainingLoop} (act, step, observe, one update per step), no evaluation. Each run first trains
 * {@code warmupSteps} steps (filling the replay buffer past its learning start and letting the JIT compile), then
 * trains {@code steps} more on the same agent, timed.
 */
public final class ThroughputMeasurement {
  private final Plugins plugins;
  private final String envId;
  private final long warmupSteps;
  private final long steps;

  /**
   * @param plugins where the environment, loss and agent come from
   * @param envId the environment, e.g. {@code CartPole-v1}
   * @param warmupSteps untimed steps first, {@code >= 0}
   * @param steps timed steps, {@code > 0}
   */
  public ThroughputMeasurement(Plugins plugins, String envId, long warmupSteps, long steps) {
    if (warmupSteps < 0) {
      throw new IllegalArgumentException("warmup = " + warmupSteps + " is invalid; expected >= 0 steps");
    }
    if (steps <= 0) {
      throw new IllegalArgumentException("steps = " + steps + " is invalid; expected > 0");
    }
    this.plugins = plugins;
    this.envId = envId;
    this.warmupSteps = warmupSteps;
    this.steps = steps;
  }

  /** One run of {@code config} alone in the calling thread. */
  public Throughput measure(ReferenceConfig config, long seed) {
    return prepare(config, seed).measure(null);
  }

  /**
   * {@code runs} runs of {@code config} at once, one thread each (seeds {@code seed}, {@code seed + 1}, ...); their
   * timed windows start together, after every run's warm-up.
   */
  public List<Throughput> measureParallel(ReferenceConfig config, long seed, int runs) {
    if (runs < 1) {
      throw new IllegalArgumentException("runs = " + runs + " is invalid; expected >= 1");
    }
    CyclicBarrier start = new CyclicBarrier(runs);
    ExecutorService pool = Executors.newFixedThreadPool(runs);
    try {
      List<Future<Throughput>> futures = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        long runSeed = seed + r;
        futures.add(pool.submit(() -> prepare(config, runSeed).measure(start)));
      }
      List<Throughput> results = new ArrayList<>();
      for (Future<Throughput> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while measuring " + config.name(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }

  private Run prepare(ReferenceConfig config, long seed) {
    Environment env = plugins.environments().get(envId).create(Options.none("env " + envId));
    var loss = plugins.losses().get(config.loss()).create(new Options("loss " + config.loss(), config.lossOptions()));
    Agent agent = plugins.agents().get(config.agent().type()).create(new AgentSetup(config.agent(), loss,
        env.observationSpace(), env.actionSpace(), Seeds.derive(seed, "agent"),
        plugins.replays().get(config.agent().replay().kind())));
    return new Run(config.name(), env, new CountingAgent(agent), seed);
  }

  /** One prepared run. */
  private final class Run {
    private final String name;
    private final Environment env;
    private final CountingAgent agent;
    private final long seed;

    Run(String name, Environment env, CountingAgent agent, long seed) {
      this.name = name;
      this.env = env;
      this.agent = agent;
      this.seed = seed;
    }

    Throughput measure(CyclicBarrier start) {
      if (warmupSteps > 0) {
        new TrainingLoop(env, agent, Seeds.derive(seed, "warm-up")).run(Budget.steps(warmupSteps));
      }
      if (start != null) {
        try {
          start.await();
        } catch (Exception e) {
          throw new IllegalStateException("parallel runs could not start together", e);
        }
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      agent.reset();
      long cpu0 = threads.getCurrentThreadCpuTime();
      long wall0 = System.nanoTime();
      new TrainingLoop(env, agent, Seeds.derive(seed, "env")).run(Budget.steps(steps));
      long wall = System.nanoTime() - wall0;
      long cpu = threads.getCurrentThreadCpuTime() - cpu0;
      return new Throughput(name, steps, agent.updates, wall * 1e-9, cpu * 1e-9, agent.updateNanos * 1e-9,
          agent.actNanos * 1e-9, agent.observeNanos * 1e-9);
    }
  }

  /** An agent that counts the gradient steps its delegate takes and times its calls. */
  private static final class CountingAgent implements Agent {
    private final Agent delegate;
    private long updates;
    private long updateNanos;
    private long actNanos;
    private long observeNanos;

    CountingAgent(Agent delegate) {
      this.delegate = delegate;
    }

    /** Zeroes the counts and times, at the start of the timed window. */
    void reset() {
      updates = 0;
      updateNanos = 0;
      actNanos = 0;
      observeNanos = 0;
    }

    @Override
    public int act(float[] observation, ActMode mode) {
      long t0 = System.nanoTime();
      int action = delegate.act(observation, mode);
      actNanos += System.nanoTime() - t0;
      return action;
    }

    @Override
    public void observe(Transition transition) {
      long t0 = System.nanoTime();
      delegate.observe(transition);
      observeNanos += System.nanoTime() - t0;
    }

    @Override
    public UpdateResult update() {
      long t0 = System.nanoTime();
      UpdateResult r = delegate.update();
      updateNanos += System.nanoTime() - t0;
      if (r.updated()) {
        updates++;
      }
      return r;
    }

    @Override
    public double explorationParameter() {
      return delegate.explorationParameter();
    }

    @Override
    public void checkpoint(DataOutputStream out) throws IOException {
      delegate.checkpoint(out);
    }

    @Override
    public void restore(DataInputStream in) throws IOException {
      delegate.restore(in);
    }
  }

  @Override
  public String toString() {
    return "ThroughputMeasurement(env=" + envId + ", warm-up=" + warmupSteps + ", steps=" + steps + ")";
  }
}
