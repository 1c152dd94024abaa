package org.qprob.envs.minatar;

/** Which actions a MinAtar environment offers, as MinAtar's Gymnasium wrapper registers them. */
public enum ActionSet {
  /** {@code -v0}: all six MinAtar actions. */
  FULL("v0"),
  /** {@code -v1}: the game's minimal action set. */
  MINIMAL("v1");

  private final String version;

  ActionSet(String version) {
    this.version = version;
  }

  /** The id suffix, {@code v0} or {@code v1}. */
  public String version() {
    return version;
  }

  /** The MinAtar actions that the env's actions {@code 0..n-1} stand for, in order. */
  public MinAtarAction[] actions(MinAtarGame game) {
    return this == FULL ? MinAtarAction.values() : game.minimalActions();
  }
}
