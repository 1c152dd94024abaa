package org.qprob.agents.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qprob.losses.GumbelHead;

/** The head's row-major forms give what its per-row forms give, and an identity head passes its rows through. */
class OutputHeadTest {
  @ParameterizedTest
  @CsvSource({"false, false", "true, false", "false, true", "true, true"})
  void rowMajorTransformAndSlopeMatchTheRowForms(boolean clip, boolean exp) {
    OutputHead head = new OutputHead(new GumbelHead(3), clip, -1.5, 2.0, exp);
    int w = head.outputs();
    int rows = 9;
    SplittableRandom rng = new SplittableRandom(4);
    double[] raw = new double[rows * w];
    for (int k = 0; k < raw.length; k++) {
      raw[k] = rng.nextDouble(-3, 3);
    }
    double[] out = head.transformRows(raw, rows);
    assertThat(out == raw).isEqualTo(head.identity());
    assertThat(head.identity()).isEqualTo(!clip && !exp);
    for (int i = 0; i < rows; i++) {
      double[] row = java.util.Arrays.copyOfRange(raw, i * w, (i + 1) * w);
      double[] expected = new double[w];
      head.transform(row, expected, 0);
      for (int k = 0; k < w; k++) {
        assertThat(out[i * w + k]).as("row %d output %d", i, k).isEqualTo(expected[k]);
        assertThat(head.value(raw, i * w, k)).isEqualTo(expected[k]);
        assertThat(head.slope(raw, i * w, k)).isEqualTo(head.slope(row, k));
      }
    }
  }
}
