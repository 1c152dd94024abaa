package org.qprob.bench;

import java.util.SplittableRandom;
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
import org.qprob.api.loss.OutputModel;
import org.qprob.losses.CategoricalLoss;

/**
 * The backup's selection of the next action for one batch of 64 next-state rows of C51's head (3 actions x 51 atoms on
 * [-10, 10], logits drawn from a seeded normal distribution of standard deviation {@code scale}): every action's
 * expected value and their argmax ({@code expectedValuesArgmax}, what the selection computed before
 * {@code greedyAction}) against {@link OutputModel#greedyAction} (the same actions, from approximate values with the
 * exact computation where two actions are close).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class SelectionBenchmark {
  private static final int ROWS = 64;

  @Param({"2.0"})
  public double scale;

  private OutputModel head;
  private double[] rows;
  private double[] q;

  @Setup
  public void setUp() {
    Settings.print();
    head = new CategoricalLoss(CategoricalLoss.DEFAULT_ATOMS, -10, 10).outputModel(3);
    SplittableRandom rng = new SplittableRandom(5);
    rows = new double[ROWS * head.width()];
    for (int k = 0; k < rows.length; k++) {
      rows[k] = scale * rng.nextGaussian();
    }
    q = new double[head.actions()];
  }

  @Benchmark
  public int expectedValuesArgmax() {
    int w = head.width();
    int sum = 0;
    for (int i = 0; i < ROWS; i++) {
      head.expectedValues(rows, i * w, q);
      sum += OutputModel.argmax(q);
    }
    return sum;
  }

  @Benchmark
  public int greedyAction() {
    int w = head.width();
    int sum = 0;
    for (int i = 0; i < ROWS; i++) {
      sum += head.greedyAction(rows, i * w);
    }
    return sum;
  }
}
