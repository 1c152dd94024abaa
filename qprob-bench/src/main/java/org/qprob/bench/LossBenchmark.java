package org.qprob.bench;

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
import org.qprob.api.loss.Head;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.LossBatch;
import org.qprob.api.loss.LossProvider;
import org.qprob.api.loss.LossResult;
import org.qprob.api.loss.TargetKind;

/**
 * One evaluation (per-sample values and analytic gradients) of each registered loss on a batch of 64, with and
 * without the gradient into the target side. The loss is made by name through the plugin registry with its default
 * options. Inputs are seeded draws on CartPole's scale: locations or Q-values in [0, 50], log-scales in [-1, 2],
 * reward 1, 2 actions, gamma 0.99, and about 2% terminal rows for the Gumbel backup; point targets lie within ±5 of
 * the prediction.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LossBenchmark {
  /** Rows per batch, as in the original scripts. */
  static final int BATCH = 64;
  /** Actions of CartPole-v1. */
  static final int ACTIONS = 2;

  @Param({"gumbel-kl", "terminal-nll", "l2", "huber", "xql"})
  public String loss;

  @Param({"false", "true"})
  public boolean targetGradient;

  private Loss instance;
  private LossBatch batch;

  @Setup
  public void setUp() {
    instance = PluginRegistry.load(LossProvider.class, "loss", LossProvider::name).get(loss)
        .create(Options.none("loss " + loss));
    batch = batchFor(instance, new SplittableRandom(7L));
  }

  /** A seeded batch of {@link #BATCH} rows in the form {@code loss} reads. */
  static LossBatch batchFor(Loss loss, SplittableRandom rng) {
    double[] prediction = new double[BATCH];
    double[] logScale = new double[BATCH];
    double[] target = new double[BATCH];
    double[] reward = new double[BATCH];
    boolean[] terminal = new boolean[BATCH];
    double[] nextLocation = new double[BATCH * ACTIONS];
    double[] nextLogScale = new double[BATCH];
    for (int i = 0; i < BATCH; i++) {
      prediction[i] = rng.nextDouble(0, 50);
      logScale[i] = rng.nextDouble(-1, 2);
      target[i] = prediction[i] + rng.nextDouble(-5, 5);
      reward[i] = 1;
      terminal[i] = rng.nextDouble() < 0.02;
      for (int a = 0; a < ACTIONS; a++) {
        nextLocation[i * ACTIONS + a] = rng.nextDouble(0, 50);
      }
      nextLogScale[i] = rng.nextDouble(-1, 2);
    }
    if (loss.targetKind() == TargetKind.GUMBEL_BACKUP) {
      return LossBatch.gumbelBackup(prediction, logScale, reward, terminal, 0.99, ACTIONS, nextLocation,
          nextLogScale);
    }
    if (loss.head() == Head.GUMBEL) {
      return LossBatch.observed(prediction, logScale, target);
    }
    return LossBatch.point(prediction, target);
  }

  @Benchmark
  public LossResult evaluate() {
    return instance.evaluate(batch, targetGradient);
  }
}
