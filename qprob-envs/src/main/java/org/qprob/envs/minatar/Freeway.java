package org.qprob.envs.minatar;

/**
 * MinAtar's Freeway: a chicken in column 4 crosses eight lanes of cars (rows 1..8) from row 9 to row 0, moving at most
 * once every 3 steps. Reaching row 0 is worth 1, sends it back to row 9 and redraws the cars' speeds; a car sends it
 * back to row 9. The episode ends after 2500 steps. Each car moves one cell every {@code |speed|} steps in the
 * direction of its speed's sign. Channels: chicken, car, then the car's trail in one channel per speed 1..5. No
 * difficulty ramp.
 */
final class Freeway implements Game {
  static final int CHANNELS = 7;
  private static final int CHICKEN = 0;
  private static final int CAR = 1;
  /** The trail channel of speed 1; speed s uses {@code SPEED1 + s - 1}. */
  private static final int SPEED1 = 2;
  private static final int PLAYER_SPEED = 3;
  private static final int TIME_LIMIT = 2500;
  private static final int CARS = 8;

  private final int[] carX = new int[CARS];
  private final int[] carTimer = new int[CARS];
  private final int[] carSpeed = new int[CARS];
  private final long[] speeds = new long[CARS];
  private final double[] directions = new double[CARS];
  private int pos;
  private int moveTimer;
  private int terminateTimer;
  private boolean terminal;

  @Override
  public void reset(RandomState random) {
    randomizeCars(random, true);
    pos = 9;
    moveTimer = PLAYER_SPEED;
    terminateTimer = TIME_LIMIT;
    terminal = false;
  }

  /** {@code speeds = randint(1, 6, 8) * sign(rand(8) - 0.5)}; on initialisation every car also goes to column 0. */
  private void randomizeCars(RandomState random, boolean initialize) {
    random.randint(1, 6, speeds, CARS);
    random.rand(directions, CARS);
    for (int i = 0; i < CARS; i++) {
      int speed = (int) speeds[i] * (int) Math.signum(directions[i] - 0.5);
      if (initialize) {
        carX[i] = 0;
      }
      carTimer[i] = Math.abs(speed);
      carSpeed[i] = speed;
    }
  }

  @Override
  public int act(int action, RandomState random) {
    int reward = 0;
    if (terminal) {
      return reward;
    }
    if (action == MinAtarAction.UP.index() && moveTimer == 0) {
      moveTimer = PLAYER_SPEED;
      pos = Math.max(0, pos - 1);
    } else if (action == MinAtarAction.DOWN.index() && moveTimer == 0) {
      moveTimer = PLAYER_SPEED;
      pos = Math.min(9, pos + 1);
    }
    if (pos == 0) {
      reward += 1;
      randomizeCars(random, false);
      pos = 9;
    }
    for (int i = 0; i < CARS; i++) {
      int row = i + 1;
      if (carX[i] == 4 && row == pos) {
        pos = 9;
      }
      if (carTimer[i] == 0) {
        carTimer[i] = Math.abs(carSpeed[i]);
        carX[i] += carSpeed[i] > 0 ? 1 : -1;
        if (carX[i] < 0) {
          carX[i] = 9;
        } else if (carX[i] > 9) {
          carX[i] = 0;
        }
        if (carX[i] == 4 && row == pos) {
          pos = 9;
        }
      } else {
        carTimer[i] -= 1;
      }
    }
    if (moveTimer > 0) {
      moveTimer -= 1;
    }
    terminateTimer -= 1;
    if (terminateTimer < 0) {
      terminal = true;
    }
    return reward;
  }

  @Override
  public boolean terminal() {
    return terminal;
  }

  @Override
  public void state(float[] out) {
    out[Game.cell(pos, 4, CHANNELS, CHICKEN)] = 1;
    for (int i = 0; i < CARS; i++) {
      int row = i + 1;
      out[Game.cell(row, carX[i], CHANNELS, CAR)] = 1;
      int backX = carSpeed[i] > 0 ? carX[i] - 1 : carX[i] + 1;
      if (backX < 0) {
        backX = 9;
      } else if (backX > 9) {
        backX = 0;
      }
      int speed = Math.abs(carSpeed[i]);
      if (speed == 0) {
        // sign(rand() - 0.5) is 0 only for a draw of exactly 0.5 (probability 2^-53); MinAtar then has no trail
        // channel for the car and fails.
        throw new IllegalStateException("MinAtar/Freeway: a car of speed 0 (a draw of exactly 0.5) has no trail channel");
      }
      out[Game.cell(row, backX, CHANNELS, SPEED1 + speed - 1)] = 1;
    }
  }
}
