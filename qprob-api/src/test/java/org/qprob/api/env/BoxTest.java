package org.qprob.api.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoxTest {
  @Test
  void aBoxIsAVectorUnlessGivenAShapeThatHoldsItsValues() {
    Box vector = new Box(new float[] {0, 0, 0, 0}, new float[] {1, 1, 1, 1});
    assertThat(vector.shape()).containsExactly(4);
    Box grid = new Box(new float[12], new float[12], new int[] {2, 3, 2});
    assertThat(grid.shape()).containsExactly(2, 3, 2);
    assertThat(grid).isNotEqualTo(new Box(new float[12], new float[12])).hasToString(
        "Box([0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0,"
            + " 0.0, 0.0, 0.0], shape [2, 3, 2])");
    assertThatThrownBy(() -> new Box(new float[12], new float[12], new int[] {2, 3}))
        .hasMessage("Box shape [2, 3] does not hold 12 values; expected positive sizes whose product is 12");
    assertThatThrownBy(() -> new Box(new float[12], new float[12], new int[] {-2, -6}))
        .hasMessage("Box shape [-2, -6] does not hold 12 values; expected positive sizes whose product is 12");
  }
}
