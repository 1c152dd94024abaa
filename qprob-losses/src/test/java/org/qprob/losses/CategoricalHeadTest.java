package org.qprob.losses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qprob.api.loss.OutputModel;

/**
 * C51's head: its fast greedy selection returns the argmax of the exact expected values on every row, and its
 * exponential keeps the error bound the selection's tolerance is built on.
 */
class CategoricalHeadTest {
  @Test
  void fastExpStaysWithinItsBoundOnTheWholeRange() {
    int n = 2_000_001;
    double[] x = new double[n];
    for (int k = 0; k < n; k++) {
      x[k] = CategoricalHead.EXP_FLOOR * k / (n - 1);
    }
    double[] e = x.clone();
    CategoricalHead.fastExp(e, n);
    double worst = 0;
    for (int k = 0; k < n; k++) {
      double exact = Math.exp(x[k]);
      worst = Math.max(worst, Math.abs(e[k] - exact) / exact);
    }
    assertThat(e[0]).isEqualTo(1.0);
    assertThat(worst).isLessThan(CategoricalHead.FAST_EXP_ERROR / 10);
  }

  @Test
  void maxIsTheSequentialMaximumBitForBit() {
    SplittableRandom rng = new SplittableRandom(20261204);
    double[] specials = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
        -Double.MAX_VALUE};
    int checked = 0;
    for (int length = 0; length <= 60; length++) {
      for (int r = 0; r < 60; r++) {
        int offset = rng.nextInt(4);
        double[] row = new double[offset + length + 2];
        for (int k = 0; k < row.length; k++) {
          row[k] = rng.nextInt(4) == 0 ? specials[rng.nextInt(r % 3 == 0 ? 2 : specials.length)]
              : rng.nextGaussian() * 10;
        }
        double sequential = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < length; k++) {
          sequential = Math.max(sequential, row[offset + k]);
        }
        assertThat(Double.doubleToRawLongBits(CategoricalHead.max(row, offset, length)))
            .as("length %d row %s", length, Arrays.toString(row))
            .isEqualTo(Double.doubleToRawLongBits(sequential));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(61 * 60);
  }

  /** The exact selection: the first action whose expected value none exceeds. */
  private static int exactArgmax(CategoricalHead head, double[] row, int offset) {
    double[] q = new double[head.actions()];
    head.expectedValues(row, offset, q);
    return OutputModel.argmax(q);
  }

  @Test
  void greedyActionIsTheExactArgmaxOnRandomRowsOfEveryScale() {
    SplittableRandom rng = new SplittableRandom(20261203);
    double[][] supports = {{-10, 10}, {0, 100}, {-1000, 1000}, {-1, 1}};
    int[] atomCounts = {2, 11, 51};
    double[] scales = {1e-9, 1e-3, 0.1, 1, 5, 30, 300};
    int checked = 0;
    for (double[] support : supports) {
      for (int atoms : atomCounts) {
        for (int actions = 1; actions <= 6; actions++) {
          CategoricalHead head = new CategoricalHead(actions, new CategoricalProjection(atoms, support[0],
              support[1]));
          for (double scale : scales) {
            for (int r = 0; r < 40; r++) {
              int offset = rng.nextInt(3);
              double[] row = new double[offset + actions * atoms];
              double shift = rng.nextDouble(-50, 50);
              for (int k = offset; k < row.length; k++) {
                row[k] = shift + scale * rng.nextGaussian();
              }
              assertThat(head.greedyAction(row, offset)).as("%s scale %s row %d", head, scale, r)
                  .isEqualTo(exactArgmax(head, row, offset));
              checked++;
            }
          }
        }
      }
    }
    assertThat(checked).isEqualTo(4 * 3 * 6 * 7 * 40);
  }

  @Test
  void tiesAndNearTiesGoToTheExactAnswer() {
    SplittableRandom rng = new SplittableRandom(7);
    int atoms = 51;
    int actions = 4;
    CategoricalHead head = new CategoricalHead(actions, new CategoricalProjection(atoms, -10, 10));
    for (int r = 0; r < 2_000; r++) {
      double[] row = new double[actions * atoms];
      for (int k = 0; k < row.length; k++) {
        row[k] = 2 * rng.nextGaussian();
      }
      int copy = rng.nextInt(actions);
      int into = rng.nextInt(actions);
      System.arraycopy(row, copy * atoms, row, into * atoms, atoms);
      switch (r % 4) {
        case 0 -> { } // an exact tie between two actions (or none, if copy == into)
        case 1 -> row[into * atoms + rng.nextInt(atoms)] += Math.ulp(row[into * atoms]) * (rng.nextInt(9) - 4);
        case 2 -> row[into * atoms + rng.nextInt(atoms)] += 1e-9 * rng.nextGaussian();
        default -> {
          // the same logits in reverse order: the mirror distribution, whose value differs only by rounding when
          // the logits are symmetric
          for (int i = 0; i < atoms; i++) {
            row[into * atoms + i] = row[copy * atoms + atoms - 1 - i];
          }
          for (int i = 0; i < atoms / 2; i++) {
            row[copy * atoms + atoms - 1 - i] = row[copy * atoms + i];
          }
          System.arraycopy(row, copy * atoms, row, into * atoms, atoms);
          row[into * atoms + atoms / 2] += Math.ulp(1.0) * (rng.nextInt(5) - 2);
        }
      }
      assertThat(head.greedyAction(row, 0)).as("row %d", r).isEqualTo(exactArgmax(head, row, 0));
    }
  }

  @Test
  void rowsWithNonFiniteLogitsGetTheExactAnswer() {
    int atoms = 11;
    CategoricalHead head = new CategoricalHead(3, new CategoricalProjection(atoms, -10, 10));
    double[][] specials = {{Double.NaN}, {Double.POSITIVE_INFINITY}, {Double.NEGATIVE_INFINITY},
        {-1e300}, {1e300}, {-1e300, 1e300}};
    SplittableRandom rng = new SplittableRandom(11);
    for (double[] special : specials) {
      for (int r = 0; r < 60; r++) {
        double[] row = new double[3 * atoms];
        for (int k = 0; k < row.length; k++) {
          row[k] = rng.nextGaussian();
        }
        for (double v : special) {
          row[rng.nextInt(row.length)] = v;
        }
        if (r % 3 == 0) {
          int a = rng.nextInt(3);
          Arrays.fill(row, a * atoms, (a + 1) * atoms, special[0]);
        }
        assertThat(head.greedyAction(row, 0)).as("%s row %d", Arrays.toString(special), r)
            .isEqualTo(exactArgmax(head, row, 0));
      }
    }
  }
}
