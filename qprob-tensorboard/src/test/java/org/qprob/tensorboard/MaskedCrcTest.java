package org.qprob.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MaskedCrcTest {
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void crc32cMatchesTheCheckValueOfTheCastagnoliPolynomial() {
    byte[] digits = ascii("123456789");
    assertThat(MaskedCrc.crc32c(digits, 0, digits.length)).isEqualTo(0xE3069283);
  }

  @Test
  void crc32cOfThirtyTwoZerosMatchesRfc3720() {
    assertThat(MaskedCrc.crc32c(new byte[32], 0, 32)).isEqualTo(0x8a9136aa);
  }

  @Test
  void maskRotatesRightFifteenAndAddsTheDelta() {
    // CRC32C("") = 0, so its mask is the delta alone; 1 rotated right by 15 is 1 << 17.
    assertThat(MaskedCrc.of(new byte[0])).isEqualTo(0xa282ead8);
    assertThat(MaskedCrc.mask(1)).isEqualTo((1 << 17) + 0xa282ead8);
    assertThat(MaskedCrc.mask(0xE3069283)).isEqualTo(Integer.rotateRight(0xE3069283, 15) + 0xa282ead8);
  }

  @Test
  void unmaskInvertsMask() {
    for (int crc : new int[] {0, 1, -1, 0xE3069283, 0x8a9136aa, 0x7fffffff}) {
      assertThat(MaskedCrc.unmask(MaskedCrc.mask(crc))).isEqualTo(crc);
    }
  }

  @Test
  void maskedCrcOfARealTensorFlowRecordMatches() {
    // tensorboard/data/server/masked_crc.rs: an Event(file_version="CRC test, one two") written by TensorFlow.
    assertThat(MaskedCrc.of(ascii("\u001a\u0011CRC test, one two"))).isEqualTo(0x5794d08a);
  }
}
