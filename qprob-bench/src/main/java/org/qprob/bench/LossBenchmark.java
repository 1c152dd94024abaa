package org.qprob.bench;

import java.util.Arrays;
import java.util.List;
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
import org.qprob.api.loss.Backup;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.LossProvider;
import org.qprob.api.loss.OutputModel;
import org.qprob.api.loss.TdBatch;
import org.qprob.api.loss.TdResult;

/**
 * One evaluation (per-sample values and analytic gradients) of each registered loss on a TD batch of 64, with and
 * without the gradient into the target side, through the loss contract the agent calls. The loss is made by name
 * through the plugin registry with its default options (categorical on the support [0, 100] that CartPole's returns
 * need). Inputs are seeded draws on CartPole's scale: outputs in [0, 50] for locations and [-1, 2] for log-scales,
 * logits in [-2, 2], reward 1, 2 actions, gamma 0.99, about 2% terminal rows, the loss's default backup, next actions
 * drawn uniformly.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LossBenchmark {
  /** Rows per batch, as in the original scripts. */
  static final int BATCH = 64;
  /** Actions of CartPole-v1. */
  static final int ACTIONS = 2;

  @Param({"gumbel-kl", "terminal-nll", "l2", "huber", "xql", "categorical", "quantile-huber"})
  public String loss;

  @Param({"false", "true"})
  public boolean targetGradient;

  private Loss instance;
  private TdBatch batch;

  @Setup
  public void setUp() {
    instance = create(loss);
    batch = batchFor(instance, new SplittableRandom(7L));
  }

  /** The loss {@code name} with its default options (categorical on [0, 100]). */
  static Loss create(String name) {
    Map<String, Object> options = name.equals("categorical") ? Map.of("v_min", 0.0, "v_max", 100.0) : Map.of();
    return PluginRegistry.load(LossProvider.class, "loss", LossProvider::name).get(name)
        .create(new Options("loss " + name, options));
  }

  /** A seeded TD batch of {@link #BATCH} rows for {@code loss}'s output model and default backup. */
  static TdBatch batchFor(Loss loss, SplittableRandom rng) {
    OutputModel model = loss.outputModel(ACTIONS);
    int w = model.width();
    double[] outputs = new double[BATCH * w];
    double[] next = new double[BATCH * w];
    for (int i = 0; i < BATCH * w; i++) {
      boolean location = i % w < model.locationOutputs();
      boolean logScale = model.locationOutputs() > 0 && !location;
      outputs[i] = location ? rng.nextDouble(0, 50) : logScale ? rng.nextDouble(-1, 2) : rng.nextDouble(-2, 2);
      next[i] = location ? rng.nextDouble(0, 50) : logScale ? rng.nextDouble(-1, 2) : rng.nextDouble(-2, 2);
    }
    int[] taken = new int[BATCH];
    int[] nextActions = new int[BATCH];
    double[] rewards = new double[BATCH];
    double[] discounts = new double[BATCH];
    double[] weights = new double[BATCH];
    Arrays.fill(weights, 1);
    for (int i = 0; i < BATCH; i++) {
      taken[i] = rng.nextInt(ACTIONS);
      nextActions[i] = rng.nextInt(ACTIONS);
      rewards[i] = 1;
      discounts[i] = rng.nextDouble() < 0.02 ? 0 : 0.99;
    }
    List<Backup> backups = loss.backups();
    return new TdBatch(BATCH, ACTIONS, w, outputs, taken, rewards, discounts, weights, next, nextActions,
        backups.get(0), 1.0);
  }

  @Benchmark
  public TdResult evaluate() {
    return instance.evaluate(batch, targetGradient);
  }
}
