package org.qprob.envs.minatar;

/** MinAtar's six actions, in the order of its {@code action_map} ({@code ['n','l','u','r','d','f']}). */
public enum MinAtarAction {
  NOOP, LEFT, UP, RIGHT, DOWN, FIRE;

  /** The action's index in MinAtar's full action set. */
  public int index() {
    return ordinal();
  }
}
