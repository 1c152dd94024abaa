package org.qprob.envs.toytext;

import java.util.SplittableRandom;
import org.qprob.api.env.StepResult;

/**
 * Gymnasium 1.4's {@code TaxiEnv}: a taxi on a 5x5 grid with walls picks a passenger up at one of four marked
 * locations (R, G, Y, B) and drops them at another. The state {@code ((row * 5 + col) * 5 + passenger) * 4 +
 * destination} (passenger 4 = in the taxi) is the observation. Actions: 0 south, 1 north, 2 east, 3 west, 4 pickup,
 * 5 drop off. Reward -1 per step, +20 for a correct drop-off (which terminates), -10 for an illegal pickup or
 * drop-off. The episode starts in one of the 300 states with the passenger waiting at a location other than the
 * destination, uniformly.
 *
 * <p>Taxi-v4's options: {@code is_rainy} (a move goes as intended with probability {@code rainy_probability}, else
 * to either side, as Gymnasium 1.4 builds it) and {@code fickle_passenger} (with probability
 * {@code fickle_probability}, drawn when the episode starts, the passenger changes destination once, on the first
 * move after boarding). Both are off by default, and then the dynamics are Taxi-v3's.
 */
public final class Taxi extends TabularEnvironment {
  static final String[] MAP = {
      "+---------+",
      "|R: | : :G|",
      "| : | : : |",
      "| : : : : |",
      "| | : | : |",
      "|Y| : |B: |",
      "+---------+"};
  /** The four marked locations (row, col): R, G, Y, B. */
  static final int[][] LOCS = {{0, 0}, {0, 4}, {4, 0}, {4, 3}};
  static final int MAX_ROW = 4;
  static final int MAX_COL = 4;
  /** Forward, left and right moves (dr, dc) for each movement action, as Gymnasium's rainy model orders them. */
  private static final int[][][] RAINY_MOVES = {
      {{1, 0}, {0, 1}, {0, -1}},
      {{-1, 0}, {0, -1}, {0, 1}},
      {{0, 1}, {-1, 0}, {1, 0}},
      {{0, -1}, {1, 0}, {-1, 0}}};

  private final String id;
  private final boolean rainy;
  private final double rainyProbability;
  private final boolean ficklePassenger;
  private final double fickleProbability;
  private final int[] initialStates;
  private boolean fickleStep;

  /** Taxi with the default (Taxi-v3) dynamics. */
  public Taxi(String id) {
    this(id, false, 0.8, false, 0.3);
  }

  /**
   * @param id {@code Taxi-v3} or {@code Taxi-v4}, for messages
   * @param rainy Gymnasium's {@code is_rainy}
   * @param rainyProbability probability that a move goes as intended when rainy, in [0, 1]
   * @param ficklePassenger Gymnasium's {@code fickle_passenger}
   * @param fickleProbability probability that the passenger is fickle in an episode, in [0, 1]
   */
  public Taxi(String id, boolean rainy, double rainyProbability, boolean ficklePassenger, double fickleProbability) {
    super(id, build(rainy, checkProbability(id, "rainy_probability", rainyProbability)));
    this.id = id;
    this.rainy = rainy;
    this.rainyProbability = rainyProbability;
    this.ficklePassenger = ficklePassenger;
    this.fickleProbability = checkProbability(id, "fickle_probability", fickleProbability);
    int[] starts = new int[300];
    int n = 0;
    for (int row = 0; row <= MAX_ROW; row++) {
      for (int col = 0; col <= MAX_COL; col++) {
        for (int pass = 0; pass < 4; pass++) {
          for (int dest = 0; dest < 4; dest++) {
            if (pass != dest) {
              starts[n++] = encode(row, col, pass, dest);
            }
          }
        }
      }
    }
    this.initialStates = starts;
  }

  private static double checkProbability(String id, String name, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(id + ": " + name + " " + p + " is invalid; expected a number in [0, 1]");
    }
    return p;
  }

  /** Gymnasium's {@code encode}. */
  public static int encode(int row, int col, int passenger, int destination) {
    return ((row * 5 + col) * 5 + passenger) * 4 + destination;
  }

  /** Gymnasium's {@code decode}: {@code [row, col, passenger, destination]}. */
  public static int[] decode(int state) {
    int dest = state % 4;
    int i = state / 4;
    int pass = i % 5;
    i /= 5;
    int col = i % 5;
    int row = i / 5;
    return new int[] {row, col, pass, dest};
  }

  private static boolean open(int mapRow, int mapCol) {
    return MAP[mapRow].charAt(mapCol) == ':';
  }

  private static int locationIndex(int row, int col) {
    for (int i = 0; i < LOCS.length; i++) {
      if (LOCS[i][0] == row && LOCS[i][1] == col) {
        return i;
      }
    }
    return -1;
  }

  private static TransitionTable build(boolean rainy, double rainyProbability) {
    TransitionTable.Builder b = new TransitionTable.Builder(500, 6);
    for (int row = 0; row <= MAX_ROW; row++) {
      for (int col = 0; col <= MAX_COL; col++) {
        for (int pass = 0; pass < 5; pass++) {
          for (int dest = 0; dest < 4; dest++) {
            for (int action = 0; action < 6; action++) {
              if (rainy) {
                addRainy(b, row, col, pass, dest, action, rainyProbability);
              } else {
                addDry(b, row, col, pass, dest, action);
              }
            }
          }
        }
      }
    }
    return b.build();
  }

  private static void addDry(TransitionTable.Builder b, int row, int col, int pass, int dest, int action) {
    int newRow = row;
    int newCol = col;
    int newPass = pass;
    double reward = -1;
    boolean terminated = false;
    if (action == 0) {
      newRow = Math.min(row + 1, MAX_ROW);
    } else if (action == 1) {
      newRow = Math.max(row - 1, 0);
    }
    if (action == 2 && open(1 + row, 2 * col + 2)) {
      newCol = Math.min(col + 1, MAX_COL);
    } else if (action == 3 && open(1 + row, 2 * col)) {
      newCol = Math.max(col - 1, 0);
    } else if (action == 4) {
      int[] pr = pickup(row, col, pass, reward);
      newPass = pr[0];
      reward = pr[1];
    } else if (action == 5) {
      int[] dr = dropoff(row, col, pass, dest, reward);
      newPass = dr[0];
      reward = dr[1];
      terminated = dr[2] == 1;
    }
    b.add(encode(row, col, pass, dest), action, 1.0, encode(newRow, newCol, newPass, dest), reward, terminated);
  }

  /** {@code [new passenger, reward]} of a pickup. */
  private static int[] pickup(int row, int col, int pass, double reward) {
    if (pass < 4 && LOCS[pass][0] == row && LOCS[pass][1] == col) {
      return new int[] {4, (int) reward};
    }
    return new int[] {pass, -10};
  }

  /** {@code [new passenger, reward, terminated ? 1 : 0]} of a drop-off. */
  private static int[] dropoff(int row, int col, int pass, int dest, double defaultReward) {
    int at = locationIndex(row, col);
    if (at == dest && pass == 4) {
      return new int[] {dest, 20, 1};
    } else if (at >= 0 && pass == 4) {
      return new int[] {at, (int) defaultReward, 0};
    }
    return new int[] {pass, -10, 0};
  }

  private static int[] lateral(int row, int col, int[] move) {
    int newRow = Math.max(0, Math.min(row + move[0], MAX_ROW));
    int newCol = Math.max(0, Math.min(col + move[1], MAX_COL));
    if (move[1] == 1 && !open(1 + newRow, 2 * newCol)) {
      return new int[] {row, col};
    }
    if (move[1] == -1 && !open(1 + newRow, 2 * newCol + 2)) {
      return new int[] {row, col};
    }
    return new int[] {newRow, newCol};
  }

  private static void addRainy(TransitionTable.Builder b, int row, int col, int pass, int dest, int action,
      double rainyProbability) {
    int state = encode(row, col, pass, dest);
    int[] left = {row, col};
    int[] right = {row, col};
    int newRow = row;
    int newCol = col;
    int newPass = pass;
    double reward = -1;
    boolean terminated = false;
    boolean canMove = (action == 0 && row < MAX_ROW) || (action == 1 && row > 0)
        || (action == 2 && open(1 + row, 2 * col + 2)) || (action == 3 && open(1 + row, 2 * col));
    if (canMove) {
      int[][] moves = RAINY_MOVES[action];
      newRow = Math.max(0, Math.min(row + moves[0][0], MAX_ROW));
      newCol = Math.max(0, Math.min(col + moves[0][1], MAX_COL));
      left = lateral(row, col, moves[1]);
      right = lateral(row, col, moves[2]);
    } else if (action == 4) {
      int[] pr = pickup(row, col, newPass, reward);
      newPass = pr[0];
      reward = pr[1];
    } else if (action == 5) {
      int[] dr = dropoff(row, col, newPass, dest, reward);
      newPass = dr[0];
      reward = dr[1];
      terminated = dr[2] == 1;
    }
    int intended = encode(newRow, newCol, newPass, dest);
    if (action <= 3) {
      double lateralProbability = (1.0 - rainyProbability) / 2.0;
      b.add(state, action, rainyProbability, intended, -1, terminated);
      b.add(state, action, lateralProbability, encode(left[0], left[1], newPass, dest), -1, terminated);
      b.add(state, action, lateralProbability, encode(right[0], right[1], newPass, dest), -1, terminated);
    } else {
      b.add(state, action, 1.0, intended, reward, terminated);
    }
  }

  @Override
  protected int initialState(SplittableRandom random) {
    return initialStates[random.nextInt(initialStates.length)];
  }

  /** Draws whether this episode's passenger is fickle (only with {@code fickle_passenger}), as Gymnasium's reset. */
  @Override
  protected void episodeStarted() {
    fickleStep = ficklePassenger && random().nextDouble() < fickleProbability;
  }

  @Override
  protected StepResult advance(int action) {
    int[] before = decode(current());
    StepResult result = super.advance(action);
    if (fickleStep && before[2] == 4) {
      int[] after = decode(current());
      if (after[0] != before[0] || after[1] != before[1]) {
        fickleStep = false;
        int pick = random().nextInt(3);
        int dest = pick < before[3] ? pick : pick + 1; // uniform over the destinations other than the old one
        int s = encode(after[0], after[1], after[2], dest);
        moveTo(s);
        return new StepResult(new float[] {s}, result.reward(), result.terminated(), false);
      }
    }
    return result;
  }

  @Override
  public String toString() {
    return id + "(is_rainy=" + rainy + ", rainy_probability=" + rainyProbability + ", fickle_passenger="
        + ficklePassenger + ", fickle_probability=" + fickleProbability + ")";
  }
}
