package org.qprob.tensorboard;

import java.util.zip.CRC32C;

/**
 * The checksum of TFRecord framing: CRC32C (Castagnoli) of the bytes, masked as
 * {@code ((crc >>> 15) | (crc << 17)) + 0xa282ead8} so that a CRC of bytes holding CRCs stays well spread
 * (TensorFlow {@code tensorflow/core/lib/hash/crc32c.h}, {@code Mask}).
 */
public final class MaskedCrc {
  /** The constant TensorFlow adds after the rotation. */
  public static final int MASK_DELTA = 0xa282ead8;

  private MaskedCrc() {
  }

  /** The masked CRC32C of {@code length} bytes of {@code bytes} from {@code offset}. */
  public static int of(byte[] bytes, int offset, int length) {
    return mask(crc32c(bytes, offset, length));
  }

  /** The masked CRC32C of all of {@code bytes}. */
  public static int of(byte[] bytes) {
    return of(bytes, 0, bytes.length);
  }

  /** The plain (unmasked) CRC32C of a range of bytes, from the JDK's {@link CRC32C}. */
  public static int crc32c(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  /** Rotates a plain CRC right by 15 bits and adds {@link #MASK_DELTA}. */
  public static int mask(int crc) {
    return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
  }

  /** The inverse of {@link #mask}. */
  public static int unmask(int masked) {
    int rotated = masked - MASK_DELTA;
    return (rotated >>> 17) | (rotated << 15);
  }
}
