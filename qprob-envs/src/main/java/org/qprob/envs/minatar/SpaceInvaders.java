package org.qprob.envs.minatar;

/**
 * MinAtar's SpaceInvaders: a cannon on the bottom row shoots at a 4x6 block of aliens that moves sideways and steps
 * down at the edges; each alien hit is worth 1. The alien nearest the cannon fires every 10 steps; an enemy bullet or
 * an alien reaching the cannon ends the episode, as does the block reaching the bottom row while turning. A cleared
 * block comes back, moving faster with the difficulty ramp. Channels: cannon, alien, alien moving left, alien moving
 * right, friendly bullet, enemy bullet. No random draws besides the sticky actions.
 */
final class SpaceInvaders implements Game {
  static final int CHANNELS = 6;
  private static final int CANNON = 0;
  private static final int ALIEN = 1;
  private static final int ALIEN_LEFT = 2;
  private static final int ALIEN_RIGHT = 3;
  private static final int FRIENDLY_BULLET = 4;
  private static final int ENEMY_BULLET = 5;
  private static final int SHOT_COOL_DOWN = 5;
  private static final int ENEMY_MOVE_INTERVAL = 12;
  private static final int ENEMY_SHOT_INTERVAL = 10;

  private final boolean ramping;
  private boolean[][] aliens = new boolean[SIZE][SIZE];
  private boolean[][] friendlyBullets = new boolean[SIZE][SIZE];
  private boolean[][] enemyBullets = new boolean[SIZE][SIZE];
  /** The spare grid {@link #roll} writes into. */
  private boolean[][] spare = new boolean[SIZE][SIZE];
  private int pos;
  private int alienDir;
  private int enemyMoveInterval;
  private int alienMoveTimer;
  private int alienShotTimer;
  private int rampIndex;
  private int shotTimer;
  private boolean terminal;

  SpaceInvaders(boolean ramping) {
    this.ramping = ramping;
  }

  @Override
  public void reset(RandomState random) {
    pos = 5;
    clear(friendlyBullets);
    clear(enemyBullets);
    clear(aliens);
    fillAliens();
    alienDir = -1;
    enemyMoveInterval = ENEMY_MOVE_INTERVAL;
    alienMoveTimer = enemyMoveInterval;
    alienShotTimer = ENEMY_SHOT_INTERVAL;
    rampIndex = 0;
    shotTimer = 0;
    terminal = false;
  }

  @Override
  public int act(int action, RandomState random) {
    int reward = 0;
    if (terminal) {
      return reward;
    }
    if (action == MinAtarAction.FIRE.index() && shotTimer == 0) {
      friendlyBullets[9][pos] = true;
      shotTimer = SHOT_COOL_DOWN;
    } else if (action == MinAtarAction.LEFT.index()) {
      pos = Math.max(0, pos - 1);
    } else if (action == MinAtarAction.RIGHT.index()) {
      pos = Math.min(9, pos + 1);
    }

    friendlyBullets = roll(friendlyBullets, -1, 0);
    java.util.Arrays.fill(friendlyBullets[9], false);
    enemyBullets = roll(enemyBullets, 1, 0);
    java.util.Arrays.fill(enemyBullets[0], false);
    if (enemyBullets[9][pos]) {
      terminal = true;
    }

    if (aliens[9][pos]) {
      terminal = true;
    }
    if (alienMoveTimer == 0) {
      alienMoveTimer = Math.min(count(aliens), enemyMoveInterval);
      if ((columnOccupied(0) && alienDir < 0) || (columnOccupied(9) && alienDir > 0)) {
        alienDir = -alienDir;
        if (rowOccupied(9)) {
          terminal = true;
        }
        aliens = roll(aliens, 1, 0);
      } else {
        aliens = roll(aliens, 0, alienDir);
      }
      if (aliens[9][pos]) {
        terminal = true;
      }
    }
    if (alienShotTimer == 0) {
      alienShotTimer = ENEMY_SHOT_INTERVAL;
      shootFromNearestAlien();
    }

    for (int r = 0; r < SIZE; r++) {
      for (int c = 0; c < SIZE; c++) {
        if (aliens[r][c] && friendlyBullets[r][c]) {
          reward += 1;
          aliens[r][c] = false;
          friendlyBullets[r][c] = false;
        }
      }
    }

    if (shotTimer > 0) {
      shotTimer -= 1;
    }
    alienMoveTimer -= 1;
    alienShotTimer -= 1;
    if (count(aliens) == 0) {
      if (enemyMoveInterval > 6 && ramping) {
        enemyMoveInterval -= 1;
        rampIndex += 1;
      }
      fillAliens();
    }
    return reward;
  }

  /**
   * MinAtar's {@code _nearest_alien}: the columns by distance from the cannon (ties to the left, as Python's stable
   * sort keeps them), and in the first occupied one the lowest alien fires.
   */
  private void shootFromNearestAlien() {
    for (int d = 0; d < SIZE; d++) {
      if (shootFrom(pos - d) || (d > 0 && shootFrom(pos + d))) {
        return;
      }
    }
    throw new IllegalStateException("MinAtar/SpaceInvaders: no alien to shoot (MinAtar fails here too)");
  }

  /** The lowest alien of column {@code c}, if any, fires. */
  private boolean shootFrom(int c) {
    if (c < 0 || c > 9) {
      return false;
    }
    for (int r = SIZE - 1; r >= 0; r--) {
      if (aliens[r][c]) {
        enemyBullets[r][c] = true;
        return true;
      }
    }
    return false;
  }

  /** {@code numpy.roll(grid, shift)} along rows ({@code rows}) or columns ({@code columns}), one of them 0. */
  private boolean[][] roll(boolean[][] grid, int rows, int columns) {
    boolean[][] out = spare;
    for (int r = 0; r < SIZE; r++) {
      for (int c = 0; c < SIZE; c++) {
        out[Math.floorMod(r + rows, SIZE)][Math.floorMod(c + columns, SIZE)] = grid[r][c];
      }
    }
    spare = grid;
    return out;
  }

  private void fillAliens() {
    for (int r = 0; r < 4; r++) {
      for (int c = 2; c < 8; c++) {
        aliens[r][c] = true;
      }
    }
  }

  private boolean columnOccupied(int c) {
    for (int r = 0; r < SIZE; r++) {
      if (aliens[r][c]) {
        return true;
      }
    }
    return false;
  }

  private boolean rowOccupied(int r) {
    for (int c = 0; c < SIZE; c++) {
      if (aliens[r][c]) {
        return true;
      }
    }
    return false;
  }

  private static int count(boolean[][] grid) {
    int n = 0;
    for (boolean[] row : grid) {
      for (boolean b : row) {
        n += b ? 1 : 0;
      }
    }
    return n;
  }

  private static void clear(boolean[][] grid) {
    for (boolean[] row : grid) {
      java.util.Arrays.fill(row, false);
    }
  }

  @Override
  public boolean terminal() {
    return terminal;
  }

  @Override
  public void state(float[] out) {
    out[Game.cell(9, pos, CHANNELS, CANNON)] = 1;
    int direction = alienDir < 0 ? ALIEN_LEFT : ALIEN_RIGHT;
    for (int r = 0; r < SIZE; r++) {
      for (int c = 0; c < SIZE; c++) {
        if (aliens[r][c]) {
          out[Game.cell(r, c, CHANNELS, ALIEN)] = 1;
          out[Game.cell(r, c, CHANNELS, direction)] = 1;
        }
        if (friendlyBullets[r][c]) {
          out[Game.cell(r, c, CHANNELS, FRIENDLY_BULLET)] = 1;
        }
        if (enemyBullets[r][c]) {
          out[Game.cell(r, c, CHANNELS, ENEMY_BULLET)] = 1;
        }
      }
    }
  }
}
