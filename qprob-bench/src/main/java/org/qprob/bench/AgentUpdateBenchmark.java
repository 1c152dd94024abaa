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
import org.qprob.api.agent.Transition;
import org.qprob.api.agent.UpdateResult;

/**
 * One gradient step of an agent of an original configuration on CartPole-v1: batch 64 from a replay buffer of about
 * a thousand transitions, network 4-128-128-A.
 * <ul>
 *   <li>{@code q-prob}: gumbel-kl with the gradient flowing into the target (s and s' as one batch of 128 rows
 *       through one network), global-norm clip 1, Adam;</li>
 *   <li>{@code base-q-learning}: l2 against the hard-max backup of a target network (copied every 100 steps,
 *       included here amortised), Adam;</li>
 *   <li>{@code dqn-target}, {@code c51}, {@code qr-dqn}: l2, categorical (51 atoms, 102 outputs) and quantile-huber
 *       (50 quantiles, 100 outputs) with one agent otherwise: target network copied every 500 steps, global-norm
 *       clip 0, Adam; {@link UpdateFloorBenchmark#targetUpdateProducts} is their floor;</li>
 *   <li>{@code dqn-prioritized}, {@code dqn-prioritized-3-step}: {@code dqn-target} with prioritized replay (sum-tree
 *       sampling, importance weights, the priority update after the step), and with 3-step returns too; against
 *       {@code dqn-target} in the same run they price prioritized replay in a whole update.</li>
 * </ul>
 * {@link #update} is what the training loop pays per step for learning: {@code observe} of a recorded transition
 * (the agent takes at most one step per observed transition) and {@code update}. {@link #actObserveUpdate} adds the
 * {@code act} of the next step, which first copies the freshly updated parameters into the plain-Java network that
 * acts: the agent's whole share of one training step.
 *
 * <p>Run it with {@code OMP_NUM_THREADS=1} (and {@code OPENBLAS_CORETYPE} for CPUs OpenBLAS 0.3.19 does not know);
 * {@link Settings} prints what is in force.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "-Xss4m"})
public class AgentUpdateBenchmark {
  @Param({"q-prob", "base-q-learning", "dqn-target", "c51", "qr-dqn", "dqn-prioritized", "dqn-prioritized-3-step"})
  public String config;

  private Agent agent;
  private Transition[] spare;
  private int next;

  @Setup
  public void setUp() {
    Settings.print();
    AgentFixture fixture = AgentFixture.create(config, 1_000, 20_000, 11L);
    agent = fixture.agent();
    spare = fixture.spare();
    for (int i = 0; i < 50; i++) {
      update(); // load the natives and take the first steps outside the measurement
    }
  }

  @Benchmark
  public UpdateResult update() {
    agent.observe(spare[next]);
    next = (next + 1) % spare.length;
    UpdateResult r = agent.update();
    if (!r.updated()) {
      throw new IllegalStateException("no gradient step was taken");
    }
    return r;
  }

  @Benchmark
  public int actObserveUpdate() {
    Transition t = spare[next];
    int action = agent.act(t.nextObservation(), ActMode.EXPLORE);
    update();
    return action;
  }
}
