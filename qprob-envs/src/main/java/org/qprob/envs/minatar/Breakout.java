package org.qprob.envs.minatar;

/**
 * MinAtar's Breakout: a paddle on the bottom row, a ball moving diagonally and three rows of bricks. A brick hit is
 * worth 1; the bricks come back when all are gone and the ball reaches the bottom row; missing the ball ends the
 * episode. Channels: paddle, ball, trail (the ball's last cell), brick. No difficulty ramp.
 */
final class Breakout implements Game {
  static final int CHANNELS = 4;
  private static final int PADDLE = 0;
  private static final int BALL = 1;
  private static final int TRAIL = 2;
  private static final int BRICK = 3;
  /** Direction changes, indexed by the direction 0..3 (up-left, up-right, down-right, down-left). */
  private static final int[] FLIP_X = {1, 0, 3, 2};
  private static final int[] FLIP_Y = {3, 2, 1, 0};
  private static final int[] PADDLE_EDGE = {2, 3, 0, 1};

  private final boolean[][] bricks = new boolean[SIZE][SIZE];
  private int ballX;
  private int ballY;
  private int ballDir;
  private int pos;
  private boolean strike;
  private int lastX;
  private int lastY;
  private boolean terminal;

  @Override
  public void reset(RandomState random) {
    ballY = 3;
    boolean right = random.randint(2) == 1;
    ballX = right ? 9 : 0;
    ballDir = right ? 3 : 2;
    pos = 4;
    for (int r = 0; r < SIZE; r++) {
      for (int c = 0; c < SIZE; c++) {
        bricks[r][c] = r >= 1 && r <= 3;
      }
    }
    strike = false;
    lastX = ballX;
    lastY = ballY;
    terminal = false;
  }

  @Override
  public int act(int action, RandomState random) {
    int reward = 0;
    if (terminal) {
      return reward;
    }
    if (action == MinAtarAction.LEFT.index()) {
      pos = Math.max(0, pos - 1);
    } else if (action == MinAtarAction.RIGHT.index()) {
      pos = Math.min(9, pos + 1);
    }
    lastX = ballX;
    lastY = ballY;
    int newX = ballDir == 0 || ballDir == 3 ? ballX - 1 : ballX + 1;
    int newY = ballDir == 0 || ballDir == 1 ? ballY - 1 : ballY + 1;
    boolean strikeToggle = false;
    if (newX < 0 || newX > 9) {
      newX = Math.max(0, Math.min(9, newX));
      ballDir = FLIP_X[ballDir];
    }
    if (newY < 0) {
      newY = 0;
      ballDir = FLIP_Y[ballDir];
    } else if (bricks[newY][newX]) {
      strikeToggle = true;
      if (!strike) {
        reward += 1;
        strike = true;
        bricks[newY][newX] = false;
        newY = lastY;
        ballDir = FLIP_Y[ballDir];
      }
    } else if (newY == 9) {
      if (noBricks()) {
        for (int r = 1; r <= 3; r++) {
          java.util.Arrays.fill(bricks[r], true);
        }
      }
      if (ballX == pos) {
        ballDir = FLIP_Y[ballDir];
        newY = lastY;
      } else if (newX == pos) {
        ballDir = PADDLE_EDGE[ballDir];
        newY = lastY;
      } else {
        terminal = true;
      }
    }
    if (!strikeToggle) {
      strike = false;
    }
    ballX = newX;
    ballY = newY;
    return reward;
  }

  private boolean noBricks() {
    for (boolean[] row : bricks) {
      for (boolean b : row) {
        if (b) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public boolean terminal() {
    return terminal;
  }

  @Override
  public void state(float[] out) {
    out[Game.cell(ballY, ballX, CHANNELS, BALL)] = 1;
    out[Game.cell(9, pos, CHANNELS, PADDLE)] = 1;
    out[Game.cell(lastY, lastX, CHANNELS, TRAIL)] = 1;
    for (int r = 0; r < SIZE; r++) {
      for (int c = 0; c < SIZE; c++) {
        if (bricks[r][c]) {
          out[Game.cell(r, c, CHANNELS, BRICK)] = 1;
        }
      }
    }
  }
}
