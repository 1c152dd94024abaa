package org.qprob.envs.toytext;

import java.util.SplittableRandom;

/**
 * Gymnasium 1.4's {@code CliffWalkingEnv}: a 4x12 grid, start at (3, 0), goal at (3, 11), the cliff along row 3
 * between them; actions 0 up, 1 right, 2 down, 3 left; observation {@code row * 12 + col}. Every step costs -1;
 * stepping into the cliff costs -100 and returns the agent to the start without ending the episode; reaching the goal
 * terminates it. With {@code is_slippery} the agent moves in the intended direction or either perpendicular one with
 * probability 1/3 each. Gymnasium registers no time limit.
 */
public final class CliffWalking extends TabularEnvironment {
  static final int ROWS = 4;
  static final int COLS = 12;
  /** The start state, (3, 0). */
  public static final int START = 3 * COLS;
  private static final int[][] MOVES = {{-1, 0}, {0, 1}, {1, 0}, {0, -1}};

  private final boolean slippery;

  /** @param slippery Gymnasium's {@code is_slippery} */
  public CliffWalking(boolean slippery) {
    super("CliffWalking-v1", build(slippery));
    this.slippery = slippery;
  }

  private static TransitionTable build(boolean slippery) {
    TransitionTable.Builder b = new TransitionTable.Builder(ROWS * COLS, 4);
    for (int s = 0; s < ROWS * COLS; s++) {
      int row = s / COLS;
      int col = s % COLS;
      for (int a = 0; a < 4; a++) {
        int[] dirs = slippery ? new int[] {Math.floorMod(a - 1, 4), a, Math.floorMod(a + 1, 4)} : new int[] {a};
        for (int dir : dirs) {
          double p = 1.0 / dirs.length;
          int r = Math.max(Math.min(row + MOVES[dir][0], ROWS - 1), 0);
          int c = Math.max(Math.min(col + MOVES[dir][1], COLS - 1), 0);
          boolean cliff = r == ROWS - 1 && c >= 1 && c <= COLS - 2;
          if (cliff) {
            b.add(s, a, p, START, -100, false);
          } else {
            b.add(s, a, p, r * COLS + c, -1, r == ROWS - 1 && c == COLS - 1);
          }
        }
      }
    }
    return b.build();
  }

  @Override
  protected int initialState(SplittableRandom random) {
    return START;
  }

  @Override
  public String toString() {
    return "CliffWalking-v1(is_slippery=" + slippery + ")";
  }
}
