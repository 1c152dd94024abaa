package org.qprob.envs.minatar;

/**
 * MinAtar's Asterix: the player moves in rows 1..8 among entities that cross the rows 1..8 (one slot per row), each an
 * enemy or (with probability 1/3) gold. Gold is worth 1; touching an enemy ends the episode. Entities spawn every
 * {@code spawn_speed} steps and move every {@code move_speed} steps; with the difficulty ramp both intervals shorten
 * every 100 steps. Channels: player, enemy, trail, gold.
 */
final class Asterix implements Game {
  static final int CHANNELS = 4;
  private static final int PLAYER = 0;
  private static final int ENEMY = 1;
  private static final int TRAIL = 2;
  private static final int GOLD = 3;
  private static final int RAMP_INTERVAL = 100;
  private static final int INIT_SPAWN_SPEED = 10;
  private static final int INIT_MOVE_INTERVAL = 5;
  private static final int SLOTS = 8;

  private final boolean ramping;
  private final boolean[] present = new boolean[SLOTS];
  private final int[] entityX = new int[SLOTS];
  private final boolean[] rightward = new boolean[SLOTS];
  private final boolean[] gold = new boolean[SLOTS];
  private final int[] freeSlots = new int[SLOTS];
  private int playerX;
  private int playerY;
  private int spawnSpeed;
  private int spawnTimer;
  private int moveSpeed;
  private int moveTimer;
  private int rampTimer;
  private int rampIndex;
  private boolean terminal;

  Asterix(boolean ramping) {
    this.ramping = ramping;
  }

  @Override
  public void reset(RandomState random) {
    playerX = 5;
    playerY = 5;
    java.util.Arrays.fill(present, false);
    spawnSpeed = INIT_SPAWN_SPEED;
    spawnTimer = spawnSpeed;
    moveSpeed = INIT_MOVE_INTERVAL;
    moveTimer = moveSpeed;
    rampTimer = RAMP_INTERVAL;
    rampIndex = 0;
    terminal = false;
  }

  @Override
  public int act(int action, RandomState random) {
    int reward = 0;
    if (terminal) {
      return reward;
    }
    if (spawnTimer == 0) {
      spawnEntity(random);
      spawnTimer = spawnSpeed;
    }
    if (action == MinAtarAction.LEFT.index()) {
      playerX = Math.max(0, playerX - 1);
    } else if (action == MinAtarAction.RIGHT.index()) {
      playerX = Math.min(9, playerX + 1);
    } else if (action == MinAtarAction.UP.index()) {
      playerY = Math.max(1, playerY - 1);
    } else if (action == MinAtarAction.DOWN.index()) {
      playerY = Math.min(8, playerY + 1);
    }
    for (int i = 0; i < SLOTS; i++) {
      reward += collide(i);
    }
    if (moveTimer == 0) {
      moveTimer = moveSpeed;
      for (int i = 0; i < SLOTS; i++) {
        if (present[i]) {
          entityX[i] += rightward[i] ? 1 : -1;
          if (entityX[i] < 0 || entityX[i] > 9) {
            present[i] = false;
          }
          reward += collide(i);
        }
      }
    }
    spawnTimer -= 1;
    moveTimer -= 1;
    if (ramping && (spawnSpeed > 1 || moveSpeed > 1)) {
      if (rampTimer >= 0) {
        rampTimer -= 1;
      } else {
        if (moveSpeed > 1 && rampIndex % 2 != 0) {
          moveSpeed -= 1;
        }
        if (spawnSpeed > 1) {
          spawnSpeed -= 1;
        }
        rampIndex += 1;
        rampTimer = RAMP_INTERVAL;
      }
    }
    return reward;
  }

  /** An entity in slot {@code i} on the player: gold is collected (1), an enemy ends the episode. */
  private int collide(int i) {
    if (present[i] && entityX[i] == playerX && i + 1 == playerY) {
      if (gold[i]) {
        present[i] = false;
        return 1;
      }
      terminal = true;
    }
    return 0;
  }

  private void spawnEntity(RandomState random) {
    boolean lr = random.rand() < 1.0 / 2;
    boolean isGold = random.rand() < 1.0 / 3;
    int free = 0;
    for (int i = 0; i < SLOTS; i++) {
      if (!present[i]) {
        freeSlots[free++] = i;
      }
    }
    if (free == 0) {
      return;
    }
    int slot = freeSlots[(int) random.randint(free)];
    present[slot] = true;
    entityX[slot] = lr ? 0 : 9;
    rightward[slot] = lr;
    gold[slot] = isGold;
  }

  @Override
  public boolean terminal() {
    return terminal;
  }

  @Override
  public void state(float[] out) {
    out[Game.cell(playerY, playerX, CHANNELS, PLAYER)] = 1;
    for (int i = 0; i < SLOTS; i++) {
      if (present[i]) {
        int row = i + 1;
        out[Game.cell(row, entityX[i], CHANNELS, gold[i] ? GOLD : ENEMY)] = 1;
        int backX = rightward[i] ? entityX[i] - 1 : entityX[i] + 1;
        if (backX >= 0 && backX <= 9) {
          out[Game.cell(row, backX, CHANNELS, TRAIL)] = 1;
        }
      }
    }
  }
}
