package org.qprob.agents.config;

/**
 * How a convolution treats the grid's border: {@code valid} adds nothing (PyTorch's {@code padding=0}, MinAtar's
 * network: a 10x10 grid and a 3x3 kernel give 8x8), {@code same} adds {@code (kernel - 1) / 2} zero cells on every
 * side (odd kernels only; at stride 1 the output keeps the input's size).
 */
public enum ConvPadding implements ConfigKey {
  VALID("valid"),
  SAME("same");

  private final String key;

  ConvPadding(String key) {
    this.key = key;
  }

  @Override
  public String key() {
    return key;
  }

  /** The zero cells added on each side for a kernel of {@code kernel} cells. */
  public int cells(int kernel) {
    return this == VALID ? 0 : (kernel - 1) / 2;
  }
}
