package org.qprob.envs.toytext;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Gymnasium 1.4's {@code FrozenLakeEnv}: walk from S to G on a grid of frozen tiles (F) and holes (H); actions
 * 0 left, 1 down, 2 right, 3 up; the observation is {@code row * ncol + col}. Reaching G or H terminates the episode
 * (rewards from {@code reward_schedule}, default goal 1, hole 0, frozen 0). On slippery ice the agent moves in the
 * intended direction with probability {@code success_rate} (default 1/3) and in each perpendicular direction with
 * probability {@code (1 - success_rate) / 2}, drawn from the environment's own generator. The episode starts on S.
 */
public final class FrozenLake extends TabularEnvironment {
  /** Gymnasium's predefined maps, by {@code map_name}. */
  public static final List<String> MAP_4X4 = List.of("SFFF", "FHFH", "FFFH", "HFFG");
  public static final List<String> MAP_8X8 = List.of("SFFFFFFF", "FFFFFFFF", "FFFHFFFF", "FFFFFHFF", "FFFHFFFF",
      "FHHFFFHF", "FHFFHFHF", "FFFHFFFG");
  /** The valid {@code map_name} values. */
  public static final List<String> MAP_NAMES = List.of("4x4", "8x8");

  static final int LEFT = 0;
  static final int DOWN = 1;
  static final int RIGHT = 2;
  static final int UP = 3;

  private final String mapName;
  private final boolean slippery;
  private final double successRate;
  private final double[] rewardSchedule;
  private final int startState;

  /**
   * @param mapName {@code "4x4"} or {@code "8x8"}
   * @param slippery Gymnasium's {@code is_slippery}
   * @param successRate probability of moving as intended on slippery ice, in [0, 1]
   * @param rewardSchedule rewards for reaching the goal, a hole, a frozen tile (three numbers)
   */
  public FrozenLake(String mapName, boolean slippery, double successRate, double[] rewardSchedule) {
    super("FrozenLake-v1", build(map(mapName), slippery, successRate, rewardSchedule));
    this.mapName = mapName;
    this.slippery = slippery;
    this.successRate = successRate;
    this.rewardSchedule = rewardSchedule.clone();
    List<String> map = map(mapName);
    int found = -1;
    for (int r = 0; r < map.size(); r++) {
      int c = map.get(r).indexOf('S');
      if (c >= 0) {
        found = r * map.get(r).length() + c;
        break;
      }
    }
    this.startState = found;
  }

  /** The map rows for {@code mapName}; fails listing the valid names. */
  public static List<String> map(String mapName) {
    return switch (mapName) {
      case "4x4" -> MAP_4X4;
      case "8x8" -> MAP_8X8;
      default -> throw new IllegalArgumentException("FrozenLake-v1: map_name \"" + mapName + "\" is invalid; expected one of "
          + MAP_NAMES);
    };
  }

  private static TransitionTable build(List<String> desc, boolean slippery, double successRate, double[] schedule) {
    if (!(successRate >= 0 && successRate <= 1)) {
      throw new IllegalArgumentException("FrozenLake-v1: success_rate " + successRate + " is invalid; expected a number in [0, 1]");
    }
    if (schedule.length != 3) {
      throw new IllegalArgumentException("FrozenLake-v1: reward_schedule needs 3 numbers (goal, hole, frozen), got "
          + schedule.length);
    }
    int nrow = desc.size();
    int ncol = desc.get(0).length();
    double failRate = (1.0 - successRate) / 2.0;
    TransitionTable.Builder b = new TransitionTable.Builder(nrow * ncol, 4);
    for (int row = 0; row < nrow; row++) {
      for (int col = 0; col < ncol; col++) {
        int s = row * ncol + col;
        char letter = desc.get(row).charAt(col);
        for (int a = 0; a < 4; a++) {
          if (letter == 'G' || letter == 'H') {
            b.add(s, a, 1.0, s, 0, true);
          } else if (slippery) {
            for (int dir : new int[] {Math.floorMod(a - 1, 4), a, Math.floorMod(a + 1, 4)}) {
              addMove(b, desc, s, a, row, col, dir, dir == a ? successRate : failRate, schedule);
            }
          } else {
            addMove(b, desc, s, a, row, col, a, 1.0, schedule);
          }
        }
      }
    }
    return b.build();
  }

  private static void addMove(TransitionTable.Builder b, List<String> desc, int s, int a, int row, int col, int dir,
      double p, double[] schedule) {
    int nrow = desc.size();
    int ncol = desc.get(0).length();
    int r = row;
    int c = col;
    switch (dir) {
      case LEFT -> c = Math.max(col - 1, 0);
      case DOWN -> r = Math.min(row + 1, nrow - 1);
      case RIGHT -> c = Math.min(col + 1, ncol - 1);
      default -> r = Math.max(row - 1, 0);
    }
    char letter = desc.get(r).charAt(c);
    double reward = letter == 'G' ? schedule[0] : letter == 'H' ? schedule[1] : schedule[2];
    b.add(s, a, p, r * ncol + c, reward, letter == 'G' || letter == 'H');
  }

  @Override
  protected int initialState(SplittableRandom random) {
    return startState;
  }

  @Override
  public String toString() {
    return "FrozenLake-v1(map_name=" + mapName + ", is_slippery=" + slippery + ", success_rate=" + successRate
        + ", reward_schedule=" + java.util.Arrays.toString(rewardSchedule) + ")";
  }
}
