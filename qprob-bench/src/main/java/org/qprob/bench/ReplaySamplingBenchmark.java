package org.qprob.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.config.ReplayConfig;
import org.qprob.agents.random.RandomStream;
import org.qprob.agents.replay.ReplaySampler;
import org.qprob.agents.replay.ReplaySamplerFactory;
import org.qprob.api.PluginRegistry;

/**
 * Drawing one batch of 64 from a full buffer of {@code size} transitions (100,000 by default), and the priority update
 * that follows a gradient step: {@code prioritized} on its sum tree (64 descents of log2 N levels, 64 weights), with
 * priorities spread over four orders of magnitude, its default options; {@code uniform} (Floyd's algorithm) for
 * scale. The samplers come from their plugin registry, as a run gets them. {@link #sample} is
 * the draw alone, {@link #sampleAndPrioritize} the draw and the update of the 64 priorities, what one update adds to
 * the gradient step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class ReplaySamplingBenchmark {
  @Param({"prioritized", "uniform"})
  public String kind;

  @Param({"100000"})
  public int size;

  private ReplaySampler sampler;
  private RandomStream rng;
  private final int[] slots = new int[64];
  private final double[] weights = new double[64];
  private final double[] signal = new double[64];
  private long step;

  @Setup
  public void setUp() {
    ReplayConfig replay = ReplayConfig.of(size, slots.length, slots.length, 1).withKind(kind);
    sampler = PluginRegistry.load(ReplaySamplerFactory.class, AgentSetup.REPLAY_KIND, ReplaySamplerFactory::name)
        .get(kind).create(replay);
    rng = new RandomStream(17);
    int[] one = new int[1];
    double[] p = new double[1];
    for (int i = 0; i < size; i++) {
      sampler.added(i);
      one[0] = i;
      p[0] = Math.pow(10, 4 * rng.nextDouble() - 2);
      sampler.prioritize(one, p);
    }
  }

  @Benchmark
  public int[] sample() {
    sampler.sample(size, slots, weights, step++, rng);
    return slots;
  }

  @Benchmark
  public int[] sampleAndPrioritize() {
    sampler.sample(size, slots, weights, step++, rng);
    for (int i = 0; i < signal.length; i++) {
      signal[i] = 0.01 + rng.nextDouble();
    }
    sampler.prioritize(slots, signal);
    return slots;
  }
}
