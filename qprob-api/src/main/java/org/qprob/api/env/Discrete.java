package org.qprob.api.env;

/** The integers {@code 0..n-1}, Gymnasium's {@code Discrete(n)}; an observation from it is carried as {@code [s]}. */
public record Discrete(int n) implements Space {
  public Discrete {
    if (n <= 0) {
      throw new IllegalArgumentException("Discrete space needs n > 0, got " + n);
    }
  }

  public boolean contains(int x) {
    return x >= 0 && x < n;
  }

  @Override
  public int flatSize() {
    return 1;
  }

  @Override
  public int encodedSize() {
    return n;
  }
}
