package org.qprob.agents.replay;

/**
 * The discount a stored transition bootstraps with: 0 if it terminated, else {@code gamma^k} for its k folded steps
 * ({@link ReplayBuffer#bootstrapSteps}); the powers by repeated multiplication, so {@code gamma^1} is gamma itself.
 */
public final class BootstrapDiscount {
  private final double gamma;
  private final double[] powers;

  /** Powers of {@code gamma} up to {@code gamma^n}. */
  public BootstrapDiscount(double gamma, int n) {
    this.gamma = gamma;
    this.powers = new double[n + 1];
    powers[0] = 1;
    for (int k = 1; k <= n; k++) {
      powers[k] = powers[k - 1] * gamma;
    }
  }

  /** 0 if {@code terminal}, else {@code gamma^steps}. */
  public double of(boolean terminal, int steps) {
    return terminal ? 0 : powers[steps];
  }

  public double gamma() {
    return gamma;
  }

  @Override
  public String toString() {
    return "gamma=" + gamma + (powers.length > 2 ? ", up to gamma^" + (powers.length - 1) : "");
  }
}
