package org.qprob.envs.minatar;

/**
 * NumPy's legacy {@code numpy.random.RandomState}, as far as MinAtar uses it: the MT19937 generator seeded as
 * {@code RandomState(seed)} seeds it, {@code rand()} and {@code rand(n)} (53-bit doubles in [0, 1)), and
 * {@code randint} with the legacy bounded-integer algorithm (masked rejection sampling on 32-bit draws). Written
 * from NumPy's algorithms ({@code mt19937.c}, {@code mtrand.pyx}, {@code _bounded_integers.pyx}, {@code distributions.c}),
 * checked against NumPy 1.24's streams in {@code golden/minatar/numpy-randomstate.json}. Not thread-safe.
 */
public final class RandomState {
  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;

  private final int[] key = new int[N];
  private int pos;

  /**
   * {@code RandomState(seed)} for an integer seed: NumPy accepts {@code 0 <= seed < 2^32} and fills the state by
   * MT19937's {@code init_genrand} recurrence.
   */
  public RandomState(long seed) {
    if (seed < 0 || seed > 0xffffffffL) {
      throw new IllegalArgumentException("RandomState seed must be between 0 and 2^32 - 1, got " + seed);
    }
    initGenrand((int) seed);
  }

  /**
   * {@code RandomState(array)} for a non-empty array of 32-bit words: MT19937's {@code init_by_array}, as NumPy
   * seeds from a sequence ({@code RandomState([1, 2, 3])}).
   */
  public RandomState(long[] words) {
    if (words == null || words.length == 0) {
      throw new IllegalArgumentException("RandomState seed array must be non-empty");
    }
    for (long w : words) {
      if (w < 0 || w > 0xffffffffL) {
        throw new IllegalArgumentException("RandomState seed array elements must be between 0 and 2^32 - 1, got " + w);
      }
    }
    initGenrand(19650218);
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, words.length); k > 0; k--) {
      key[i] = (key[i] ^ ((key[i - 1] ^ (key[i - 1] >>> 30)) * 1664525)) + (int) words[j] + j;
      i++;
      j++;
      if (i >= N) {
        key[0] = key[N - 1];
        i = 1;
      }
      if (j >= words.length) {
        j = 0;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      key[i] = (key[i] ^ ((key[i - 1] ^ (key[i - 1] >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        key[0] = key[N - 1];
        i = 1;
      }
    }
    key[0] = UPPER_MASK; // MSB is 1, assuring a non-zero initial array
    pos = N;
  }

  private void initGenrand(int seed) {
    key[0] = seed;
    for (int i = 1; i < N; i++) {
      key[i] = 1812433253 * (key[i - 1] ^ (key[i - 1] >>> 30)) + i;
    }
    pos = N;
  }

  /** The next raw 32-bit output of MT19937, as an unsigned value in an {@code int}. */
  public int nextInt32() {
    if (pos >= N) {
      regenerate();
    }
    int y = key[pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y;
  }

  private void regenerate() {
    int k = 0;
    for (; k < N - M; k++) {
      int y = (key[k] & UPPER_MASK) | (key[k + 1] & LOWER_MASK);
      key[k] = key[k + M] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
    }
    for (; k < N - 1; k++) {
      int y = (key[k] & UPPER_MASK) | (key[k + 1] & LOWER_MASK);
      key[k] = key[k + (M - N)] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
    }
    int y = (key[N - 1] & UPPER_MASK) | (key[0] & LOWER_MASK);
    key[N - 1] = key[M - 1] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
    pos = 0;
  }

  /** {@code rand()}: a double in [0, 1) from two draws, {@code ((a >> 5) * 2^26 + (b >> 6)) / 2^53}. */
  public double rand() {
    long a = Integer.toUnsignedLong(nextInt32()) >>> 5;
    long b = Integer.toUnsignedLong(nextInt32()) >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /** {@code rand(n)}: {@code n} successive {@link #rand()} values written into {@code out[0..n)}. */
  public void rand(double[] out, int n) {
    if (n < 0 || n > out.length) {
      throw new IllegalArgumentException("rand: size " + n + " must be in [0, " + out.length + "]");
    }
    for (int i = 0; i < n; i++) {
      out[i] = rand();
    }
  }

  /** {@code randint(high)}: an integer in {@code [0, high)}. */
  public long randint(long high) {
    return randint(0, high);
  }

  /**
   * {@code randint(low, high)}: an integer in {@code [low, high)}, NumPy's legacy algorithm for the default int64
   * dtype. The inclusive range {@code high - 1 - low} is 0 (no draw), below 2^32 (32-bit draws masked to the
   * smallest all-ones mask covering the range, rejected while above it; a range of exactly 2^32 - 1 takes the draw
   * as it is) or wider (the same on 64-bit draws made of two 32-bit ones, high word first).
   */
  public long randint(long low, long high) {
    if (low >= high) {
      throw new IllegalArgumentException("randint: low >= high (" + low + " >= " + high + ")");
    }
    long range = high - 1 - low;
    return low + bounded(range);
  }

  /** {@code randint(low, high, size)}: {@code n} successive values written into {@code out[0..n)}. */
  public void randint(long low, long high, long[] out, int n) {
    if (low >= high) {
      throw new IllegalArgumentException("randint: low >= high (" + low + " >= " + high + ")");
    }
    if (n < 0 || n > out.length) {
      throw new IllegalArgumentException("randint: size " + n + " must be in [0, " + out.length + "]");
    }
    long range = high - 1 - low;
    for (int i = 0; i < n; i++) {
      out[i] = low + bounded(range);
    }
  }

  /** A uniform integer in {@code [0, range]} (range unsigned), by masked rejection. */
  private long bounded(long range) {
    if (range == 0) {
      return 0;
    }
    if (Long.compareUnsigned(range, 0xffffffffL) < 0) {
      long mask = mask(range);
      long v;
      do {
        v = Integer.toUnsignedLong(nextInt32()) & mask;
      } while (v > range);
      return v;
    }
    if (range == 0xffffffffL) {
      return Integer.toUnsignedLong(nextInt32());
    }
    if (range == -1L) {
      return nextInt64();
    }
    long mask = mask(range);
    long v;
    do {
      v = nextInt64() & mask;
    } while (Long.compareUnsigned(v, range) > 0);
    return v;
  }

  private long nextInt64() {
    long hi = Integer.toUnsignedLong(nextInt32());
    long lo = Integer.toUnsignedLong(nextInt32());
    return (hi << 32) | lo;
  }

  /** The smallest {@code 2^k - 1 >= range}. */
  private static long mask(long range) {
    return range == 0 ? 0 : -1L >>> Long.numberOfLeadingZeros(range);
  }
}
