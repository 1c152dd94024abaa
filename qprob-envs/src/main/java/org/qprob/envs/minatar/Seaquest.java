package org.qprob.envs.minatar;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MinAtar's Seaquest: a submarine shoots fish and enemy subs (1 each), collects up to 6 divers and must surface before
 * its oxygen (200 steps) runs out. Surfacing with no diver ends the episode; with 6 it is worth
 * {@code oxygen * 10 / 200} and, with the difficulty ramp, makes enemies spawn and move faster. Touching an enemy or
 * an enemy bullet ends the episode. Channels: sub front, sub back, friendly bullet, trail, enemy bullet, enemy fish,
 * enemy sub, oxygen gauge, diver gauge, diver.
 *
 * <p>The objects live in lists as MinAtar's do, and are visited and removed with Python's semantics: loops over
 * {@code reversed(list)} while removing, and {@code list.remove(x)} removing the first element <em>equal</em> to
 * {@code x}, which need not be {@code x} itself. MinAtar's own quirks are kept: surfacing with 6 divers leaves the
 * diver count at -1, and an enemy sub that has just left the grid or been shot still fires once more.
 */
final class Seaquest implements Game {
  static final int CHANNELS = 10;
  private static final int SUB_FRONT = 0;
  private static final int SUB_BACK = 1;
  private static final int FRIENDLY_BULLET = 2;
  private static final int TRAIL = 3;
  private static final int ENEMY_BULLET = 4;
  private static final int ENEMY_FISH = 5;
  private static final int ENEMY_SUB = 6;
  private static final int OXYGEN_GAUGE = 7;
  private static final int DIVER_GAUGE = 8;
  private static final int DIVER = 9;

  private static final int MAX_OXYGEN = 200;
  private static final int INIT_SPAWN_SPEED = 20;
  private static final int DIVER_SPAWN_SPEED = 30;
  private static final int INIT_MOVE_INTERVAL = 5;
  private static final int SHOT_COOL_DOWN = 5;
  private static final int ENEMY_SHOT_INTERVAL = 10;
  private static final int DIVER_MOVE_INTERVAL = 5;

  // Element layouts (booleans as 0/1, as Python compares True == 1):
  private static final int X = 0;
  private static final int Y = 1;
  /** Orientation or direction: 1 = facing/moving right. */
  private static final int DIR = 2;
  /** Move timer of fish, subs and divers. */
  private static final int TIMER = 3;
  /** Shot timer of subs. */
  private static final int SHOT = 4;

  private final boolean ramping;
  private final List<int[]> friendlyBullets = new ArrayList<>();
  private final List<int[]> enemyBullets = new ArrayList<>();
  private final List<int[]> fish = new ArrayList<>();
  private final List<int[]> subs = new ArrayList<>();
  private final List<int[]> divers = new ArrayList<>();
  private int oxygen;
  private int diverCount;
  private int subX;
  private int subY;
  private boolean subRight;
  private int enemySpawnSpeed;
  private int enemySpawnTimer;
  private int diverSpawnTimer;
  private int moveSpeed;
  private int rampIndex;
  private int shotTimer;
  private boolean surface;
  private boolean terminal;

  Seaquest(boolean ramping) {
    this.ramping = ramping;
  }

  @Override
  public void reset(RandomState random) {
    oxygen = MAX_OXYGEN;
    diverCount = 0;
    subX = 5;
    subY = 0;
    subRight = false;
    friendlyBullets.clear();
    enemyBullets.clear();
    fish.clear();
    subs.clear();
    divers.clear();
    enemySpawnSpeed = INIT_SPAWN_SPEED;
    enemySpawnTimer = enemySpawnSpeed;
    diverSpawnTimer = DIVER_SPAWN_SPEED;
    moveSpeed = INIT_MOVE_INTERVAL;
    rampIndex = 0;
    shotTimer = 0;
    surface = true;
    terminal = false;
  }

  @Override
  public int act(int action, RandomState random) {
    int reward = 0;
    if (terminal) {
      return reward;
    }
    if (enemySpawnTimer == 0) {
      spawnEnemy(random);
      enemySpawnTimer = enemySpawnSpeed;
    }
    if (diverSpawnTimer == 0) {
      spawnDiver(random);
      diverSpawnTimer = DIVER_SPAWN_SPEED;
    }

    if (action == MinAtarAction.FIRE.index() && shotTimer == 0) {
      friendlyBullets.add(new int[] {subX, subY, bit(subRight)});
      shotTimer = SHOT_COOL_DOWN;
    } else if (action == MinAtarAction.LEFT.index()) {
      subX = Math.max(0, subX - 1);
      subRight = false;
    } else if (action == MinAtarAction.RIGHT.index()) {
      subX = Math.min(9, subX + 1);
      subRight = true;
    } else if (action == MinAtarAction.UP.index()) {
      subY = Math.max(0, subY - 1);
    } else if (action == MinAtarAction.DOWN.index()) {
      subY = Math.min(8, subY + 1);
    }

    // Friendly bullets.
    for (int i = friendlyBullets.size() - 1; i >= 0 && i < friendlyBullets.size(); ) {
      int[] bullet = friendlyBullets.get(i--);
      bullet[X] += bullet[DIR] == 1 ? 1 : -1;
      if (bullet[X] < 0 || bullet[X] > 9) {
        removeEqual(friendlyBullets, bullet);
      } else {
        boolean removed = false;
        for (int[] f : fish) {
          if (samePlace(bullet, f)) {
            removeEqual(fish, f);
            removeEqual(friendlyBullets, bullet);
            reward += 1;
            removed = true;
            break;
          }
        }
        if (!removed) {
          for (int[] s : subs) {
            if (samePlace(bullet, s)) {
              removeEqual(subs, s);
              removeEqual(friendlyBullets, bullet);
              reward += 1;
              break;
            }
          }
        }
      }
    }

    // Divers.
    for (int i = divers.size() - 1; i >= 0 && i < divers.size(); ) {
      int[] diver = divers.get(i--);
      if (onSub(diver) && diverCount < 6) {
        removeEqual(divers, diver);
        diverCount += 1;
      } else if (diver[TIMER] == 0) {
        diver[TIMER] = DIVER_MOVE_INTERVAL;
        diver[X] += diver[DIR] == 1 ? 1 : -1;
        if (diver[X] < 0 || diver[X] > 9) {
          removeEqual(divers, diver);
        } else if (onSub(diver) && diverCount < 6) {
          removeEqual(divers, diver);
          diverCount += 1;
        }
      } else {
        diver[TIMER] -= 1;
      }
    }

    // Enemy subs.
    for (int i = subs.size() - 1; i >= 0 && i < subs.size(); ) {
      int[] sub = subs.get(i--);
      if (onSub(sub)) {
        terminal = true;
      }
      if (sub[TIMER] == 0) {
        sub[TIMER] = moveSpeed;
        sub[X] += sub[DIR] == 1 ? 1 : -1;
        if (sub[X] < 0 || sub[X] > 9) {
          removeEqual(subs, sub);
        } else if (onSub(sub)) {
          terminal = true;
        } else {
          reward += shotBy(sub, subs);
        }
      } else {
        sub[TIMER] -= 1;
      }
      if (sub[SHOT] == 0) {
        sub[SHOT] = ENEMY_SHOT_INTERVAL;
        enemyBullets.add(new int[] {sub[X], sub[Y], sub[DIR]});
      } else {
        sub[SHOT] -= 1;
      }
    }

    // Enemy bullets.
    for (int i = enemyBullets.size() - 1; i >= 0 && i < enemyBullets.size(); ) {
      int[] bullet = enemyBullets.get(i--);
      if (onSub(bullet)) {
        terminal = true;
      }
      bullet[X] += bullet[DIR] == 1 ? 1 : -1;
      if (bullet[X] < 0 || bullet[X] > 9) {
        removeEqual(enemyBullets, bullet);
      } else if (onSub(bullet)) {
        terminal = true;
      }
    }

    // Enemy fish.
    for (int i = fish.size() - 1; i >= 0 && i < fish.size(); ) {
      int[] f = fish.get(i--);
      if (onSub(f)) {
        terminal = true;
      }
      if (f[TIMER] == 0) {
        f[TIMER] = moveSpeed;
        f[X] += f[DIR] == 1 ? 1 : -1;
        if (f[X] < 0 || f[X] > 9) {
          removeEqual(fish, f);
        } else if (onSub(f)) {
          terminal = true;
        } else {
          reward += shotBy(f, fish);
        }
      } else {
        f[TIMER] -= 1;
      }
    }

    if (enemySpawnTimer > 0) {
      enemySpawnTimer -= 1;
    }
    if (diverSpawnTimer > 0) {
      diverSpawnTimer -= 1;
    }
    if (shotTimer > 0) {
      shotTimer -= 1;
    }
    if (oxygen <= 0) {
      terminal = true;
    }
    if (subY > 0) {
      oxygen -= 1;
      surface = false;
    } else if (!surface) {
      if (diverCount == 0) {
        terminal = true;
      } else {
        reward += surface();
      }
    }
    return reward;
  }

  /** An enemy that moved onto a friendly bullet: both go (the first equal of each), worth 1. */
  private int shotBy(int[] enemy, List<int[]> enemies) {
    for (int[] bullet : friendlyBullets) {
      if (samePlace(enemy, bullet)) {
        removeEqual(enemies, enemy);
        removeEqual(friendlyBullets, bullet);
        return 1;
      }
    }
    return 0;
  }

  /** MinAtar's {@code _surface}: refills the oxygen, pays out 6 divers, ramps the difficulty. */
  private int surface() {
    surface = true;
    int reward;
    if (diverCount == 6) {
      diverCount = 0;
      reward = Math.floorDiv(oxygen * 10, MAX_OXYGEN);
    } else {
      reward = 0;
    }
    oxygen = MAX_OXYGEN;
    diverCount -= 1;
    if (ramping && (enemySpawnSpeed > 1 || moveSpeed > 2)) {
      if (moveSpeed > 2 && rampIndex % 2 != 0) {
        moveSpeed -= 1;
      }
      if (enemySpawnSpeed > 1) {
        enemySpawnSpeed -= 1;
      }
      rampIndex += 1;
    }
    return reward;
  }

  /** A fish or sub in a random row 1..8 moving in a random direction, unless one moves the other way in that row. */
  private void spawnEnemy(RandomState random) {
    boolean lr = random.rand() < 1.0 / 2;
    boolean isSub = random.rand() < 1.0 / 3;
    int x = lr ? 0 : 9;
    int y = (int) random.randint(1, 9);
    for (List<int[]> enemies : List.of(subs, fish)) {
      for (int[] z : enemies) {
        if (z[Y] == y && z[DIR] != bit(lr)) {
          return;
        }
      }
    }
    if (isSub) {
      subs.add(new int[] {x, y, bit(lr), moveSpeed, ENEMY_SHOT_INTERVAL});
    } else {
      fish.add(new int[] {x, y, bit(lr), moveSpeed});
    }
  }

  private void spawnDiver(RandomState random) {
    boolean lr = random.rand() < 1.0 / 2;
    int x = lr ? 0 : 9;
    int y = (int) random.randint(1, 9);
    divers.add(new int[] {x, y, bit(lr), DIVER_MOVE_INTERVAL});
  }

  private boolean onSub(int[] thing) {
    return thing[X] == subX && thing[Y] == subY;
  }

  private static boolean samePlace(int[] a, int[] b) {
    return a[X] == b[X] && a[Y] == b[Y];
  }

  /** Python's {@code list.remove(value)}: removes the first element equal to {@code value}. */
  private static void removeEqual(List<int[]> list, int[] value) {
    for (int i = 0; i < list.size(); i++) {
      if (Arrays.equals(list.get(i), value)) {
        list.remove(i);
        return;
      }
    }
    throw new IllegalStateException("MinAtar/Seaquest: list.remove(x): x not in list");
  }

  private static int bit(boolean b) {
    return b ? 1 : 0;
  }

  @Override
  public boolean terminal() {
    return terminal;
  }

  @Override
  public void state(float[] out) {
    out[Game.cell(subY, subX, CHANNELS, SUB_FRONT)] = 1;
    out[Game.cell(subY, column(subRight ? subX - 1 : subX + 1), CHANNELS, SUB_BACK)] = 1;
    int oxygenCells = Math.max(0, oxygen) * 10 / MAX_OXYGEN;
    for (int c = 0; c < Math.min(oxygenCells, SIZE); c++) {
      out[Game.cell(9, c, CHANNELS, OXYGEN_GAUGE)] = 1;
    }
    for (int c = Math.max(0, 9 - diverCount); c < 9; c++) {
      out[Game.cell(9, c, CHANNELS, DIVER_GAUGE)] = 1;
    }
    for (int[] b : friendlyBullets) {
      out[Game.cell(b[Y], b[X], CHANNELS, FRIENDLY_BULLET)] = 1;
    }
    for (int[] b : enemyBullets) {
      out[Game.cell(b[Y], b[X], CHANNELS, ENEMY_BULLET)] = 1;
    }
    withTrails(fish, ENEMY_FISH, out);
    withTrails(subs, ENEMY_SUB, out);
    withTrails(divers, DIVER, out);
  }

  private static void withTrails(List<int[]> things, int channel, float[] out) {
    for (int[] t : things) {
      out[Game.cell(t[Y], t[X], CHANNELS, channel)] = 1;
      int backX = t[DIR] == 1 ? t[X] - 1 : t[X] + 1;
      if (backX >= 0 && backX <= 9) {
        out[Game.cell(t[Y], backX, CHANNELS, TRAIL)] = 1;
      }
    }
  }

  /** A column index as NumPy reads it: -1 is the last column. */
  private static int column(int c) {
    if (c < -SIZE || c >= SIZE) {
      throw new IllegalStateException("MinAtar/Seaquest: column " + c + " is outside the grid");
    }
    return c < 0 ? c + SIZE : c;
  }
}
