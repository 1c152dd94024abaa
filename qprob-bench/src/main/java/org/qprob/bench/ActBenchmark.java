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
import org.qprob.api.agent.ActMode;
import org.qprob.api.agent.Agent;

/**
 * {@code act} on one CartPole-v1 observation by an agent of an original configuration (network 4-128-128-A), with
 * exploration (Boltzmann over mu / beta for {@code q-prob}, ε-greedy for {@code base-q-learning}) or greedily. The
 * observations cycle through recorded ones; the parameters do not change in between, so this is the forward pass and
 * the choice, without the parameter copy that follows an update (see {@link AgentUpdateBenchmark#actObserveUpdate}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Xss4m"})
public class ActBenchmark {
  @Param({"q-prob", "base-q-learning"})
  public String config;

  @Param({"EXPLORE", "GREEDY"})
  public ActMode mode;

  private Agent agent;
  private float[][] observations;
  private int next;

  @Setup
  public void setUp() {
    Settings.print();
    AgentFixture fixture = AgentFixture.create(config, 100, 1_024, 13L);
    agent = fixture.agent();
    observations = new float[fixture.spare().length][];
    for (int i = 0; i < observations.length; i++) {
      observations[i] = fixture.spare()[i].observation();
    }
  }

  @Benchmark
  public int act() {
    float[] obs = observations[next];
    next = (next + 1) & (observations.length - 1);
    return agent.act(obs, mode);
  }
}
