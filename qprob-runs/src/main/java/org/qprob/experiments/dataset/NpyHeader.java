package org.qprob.experiments.dataset;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of one {@code .npy} entry (NumPy's format: magic, version, a Python dict literal with {@code descr},
 * {@code fortran_order} and {@code shape}), read to check an entry before ND4J decodes it. ND4J 1.0.0-M2.1 aborts the
 * JVM on big-endian or string data and misreads Fortran-ordered arrays, so only what it reads correctly is let
 * through ({@link #requireNumeric}).
 *
 * @param descr the dtype, e.g. {@code <f4}, {@code |b1}, {@code <U40}
 * @param fortranOrder whether the data is stored column-major
 * @param shape the array's shape (empty for a 0-d array)
 * @param dataOffset where the data starts in the entry's bytes
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape, int dataOffset) {
  /** The dtypes ND4J decodes correctly: little-endian floats and integers, single bytes, booleans. */
  static final List<String> NUMERIC = List.of("<f4", "<f8", "<f2", "|b1", "|u1", "|i1", "<i2", "<i4", "<i8");

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  /** The header of {@code npy}; fails with one line (naming {@code entry}) if it is not a readable .npy header. */
  static NpyHeader of(String entry, byte[] npy) {
    if (npy.length < 10 || !startsWithMagic(npy)) {
      throw new IllegalArgumentException(entry + " is not a .npy array (no NumPy magic)");
    }
    int major = npy[6] & 0xff;
    int length;
    int start;
    ByteBuffer b = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
    if (major == 1) {
      length = b.getShort(8) & 0xffff;
      start = 10;
    } else if (major == 2 || major == 3) {
      if (npy.length < 12) {
        throw new IllegalArgumentException(entry + " has a truncated .npy header");
      }
      length = b.getInt(8);
      start = 12;
    } else {
      throw new IllegalArgumentException(entry + " has .npy format version " + major + "; expected 1, 2 or 3");
    }
    if (length < 0 || start + length > npy.length) {
      throw new IllegalArgumentException(entry + " has a truncated .npy header");
    }
    String dict = new String(npy, start, length, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    Matcher d = DESCR.matcher(dict);
    Matcher f = FORTRAN.matcher(dict);
    Matcher s = SHAPE.matcher(dict);
    if (!d.find() || !f.find() || !s.find()) {
      throw new IllegalArgumentException(entry + " has a .npy header without descr, fortran_order and shape: " + dict.strip());
    }
    List<Long> dims = new ArrayList<>();
    for (String part : s.group(1).split(",")) {
      if (!part.isBlank()) {
        try {
          dims.add(Long.parseLong(part.strip().replace("L", "")));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(entry + " has a .npy shape that is not a tuple of integers: (" + s.group(1)
              + ")");
        }
      }
    }
    return new NpyHeader(d.group(1), f.group(1).equals("True"), dims.stream().mapToLong(Long::longValue).toArray(),
        start + length);
  }

  private static boolean startsWithMagic(byte[] npy) {
    for (int i = 0; i < MAGIC.length; i++) {
      if (npy[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  /** Fails with one line unless ND4J reads this entry correctly: a numeric little-endian dtype, C order. */
  void requireNumeric(String entry) {
    if (!NUMERIC.contains(descr)) {
      throw new IllegalArgumentException(entry + " has dtype '" + descr + "'; expected one of " + NUMERIC
          + " (little-endian numbers or booleans)");
    }
    if (fortranOrder) {
      throw new IllegalArgumentException(entry + " is stored in Fortran order; expected C order (write it with"
          + " np.ascontiguousarray)");
    }
  }

  /** The number of elements. */
  long length() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }
}
