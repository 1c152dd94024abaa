package org.qprob.bench;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.qprob.api.Options;
import org.qprob.api.PluginRegistry;
import org.qprob.api.env.Environment;
import org.qprob.api.env.EnvironmentProvider;
import org.qprob.api.env.StepResult;

/**
 * Environment steps per second as training uses them: the environment made by id through the plugin registry (so
 * with its {@code TimeLimit}), a uniformly random action each step, and a reset whenever the episode ends (the reset
 * is part of the measured step that ended the episode). {@code -p sinCos=correctly-rounded} measures the slower exact
 * sine and cosine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnvironmentStepBenchmark {
  @Param({"CartPole-v1", "Acrobot-v1"})
  public String env;

  /** The classic-control option {@code sin_cos}: {@code svml} (the default) or {@code correctly-rounded}. */
  @Param({"svml"})
  public String sinCos;

  private Environment environment;
  private SplittableRandom actions;
  private int actionCount;

  @Setup
  public void setUp() {
    PluginRegistry<EnvironmentProvider> registry =
        PluginRegistry.load(EnvironmentProvider.class, "environment", EnvironmentProvider::id);
    environment = registry.get(env).create(new Options("env " + env, Map.of("sin_cos", sinCos)));
    environment.reset(0L);
    actions = new SplittableRandom(1L);
    actionCount = environment.actionSpace().n();
  }

  @Benchmark
  public StepResult step() {
    StepResult result = environment.step(actions.nextInt(actionCount));
    if (result.done()) {
      environment.reset();
    }
    return result;
  }
}
