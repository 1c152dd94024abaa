package org.qprob.envs.minatar;

import java.util.Arrays;
import org.qprob.api.env.Box;
import org.qprob.api.env.Discrete;
import org.qprob.api.env.Environment;
import org.qprob.api.env.Space;
import org.qprob.api.env.StepResult;

/**
 * A MinAtar game as MinAtar 1.0.15's Gymnasium wrapper ({@code minatar/gym.py}'s {@code BaseEnv} around
 * {@code minatar.Environment}) presents it.
 *
 * <p><b>Observation</b>: the game's boolean grid of shape (10, 10, channels), flattened channels-last in C order, so
 * cell (row, column, channel) is element {@code (row * 10 + column) * channels + channel}, each 0 or 1; the space is
 * a {@link Box} of that size and that shape with bounds 0 and 1. <b>Actions</b>: {@code 0..n-1} index the action set
 * ({@link ActionSet}): all six MinAtar actions or the game's minimal set. <b>Reward</b>: MinAtar's integer reward.
 * <b>Termination</b>: MinAtar's {@code done}; never truncated (MinAtar registers no time limit).
 *
 * <p><b>Randomness</b>: one NumPy {@link RandomState} serves both the sticky actions and the game, as in MinAtar.
 * {@code reset(seed)} does what {@code env.seed(seed); env.reset()} does: a new {@code RandomState(seed)} (for a seed
 * in {@code [0, 2^32)}; any other long, read as 64 unsigned bits, seeds {@code RandomState([low 32 bits, high 32
 * bits])}), then the game's reset. {@code reset()} continues with the generator (seeded with 0 if never seeded). Each
 * step first draws {@code rand()}: below {@code sticky_action_prob}, the previous MinAtar action is repeated instead of
 * the one chosen. As in MinAtar the previous action starts as 0 (no-op) when the environment is made and is not reset
 * between episodes.
 *
 * <p>{@link #resetTo} is not supported (MinAtar has no such entry point); {@link #state()} is the current grid.
 */
public final class MinAtar implements Environment {
  /** MinAtar's default probability of repeating the previous action. */
  public static final double DEFAULT_STICKY_ACTION_PROB = 0.1;
  /** The seed of the generator when it is used before any {@link #reset(long)}. */
  public static final long DEFAULT_SEED = 0L;
  private static final int CELLS = Game.SIZE * Game.SIZE;

  private final MinAtarGame game;
  private final ActionSet actionSet;
  private final double stickyActionProb;
  private final boolean difficultyRamping;
  private final String id;
  private final int[] actions;
  private final Discrete actionSpace;
  private final Box observationSpace;
  private final Game dynamics;
  private RandomState random;
  private int lastAction;
  private boolean started;
  private boolean running;

  /**
   * @param game the game
   * @param actionSet the full ({@code -v0}) or minimal ({@code -v1}) action set
   * @param stickyActionProb the probability in [0, 1] of repeating the previous action, MinAtar's
   *     {@code sticky_action_prob}
   * @param difficultyRamping MinAtar's {@code difficulty_ramping} (no effect in Breakout and Freeway)
   */
  public MinAtar(MinAtarGame game, ActionSet actionSet, double stickyActionProb, boolean difficultyRamping) {
    if (game == null || actionSet == null) {
      throw new IllegalArgumentException("MinAtar needs a game and an action set, got " + game + " and " + actionSet);
    }
    this.id = "MinAtar/" + game.title() + "-" + actionSet.version();
    if (!(stickyActionProb >= 0 && stickyActionProb <= 1)) {
      throw new IllegalArgumentException(id + ": sticky_action_prob must be in [0, 1], got " + stickyActionProb);
    }
    this.game = game;
    this.actionSet = actionSet;
    this.stickyActionProb = stickyActionProb;
    this.difficultyRamping = difficultyRamping;
    this.actions = Arrays.stream(actionSet.actions(game)).mapToInt(MinAtarAction::index).toArray();
    this.actionSpace = new Discrete(actions.length);
    int size = CELLS * game.channels();
    float[] ones = new float[size];
    Arrays.fill(ones, 1f);
    this.observationSpace = new Box(new float[size], ones, new int[] {Game.SIZE, Game.SIZE, game.channels()});
    this.dynamics = game.newGame(difficultyRamping);
  }

  /** The id, e.g. {@code MinAtar/Breakout-v1}. */
  public String id() {
    return id;
  }

  public MinAtarGame game() {
    return game;
  }

  /** The observation's shape: rows, columns, channels. */
  public int[] shape() {
    return new int[] {Game.SIZE, Game.SIZE, game.channels()};
  }

  @Override
  public Space observationSpace() {
    return observationSpace;
  }

  @Override
  public Discrete actionSpace() {
    return actionSpace;
  }

  /** The MinAtar action that env action {@code a} stands for. */
  public MinAtarAction minAtarAction(int a) {
    return MinAtarAction.values()[actions[checkAction(a)]];
  }

  @Override
  public float[] reset(long seed) {
    random = seed >= 0 && seed <= 0xffffffffL ? new RandomState(seed)
        : new RandomState(new long[] {seed & 0xffffffffL, seed >>> 32});
    return begin();
  }

  @Override
  public float[] reset() {
    if (random == null) {
      random = new RandomState(DEFAULT_SEED);
    }
    return begin();
  }

  private float[] begin() {
    dynamics.reset(random);
    started = true;
    running = true;
    return observation();
  }

  @Override
  public StepResult step(int action) {
    int a = actions[checkAction(action)];
    if (!running) {
      throw new IllegalStateException(id + ": step called " + (started ? "after the episode terminated" : "before the first reset")
          + "; call reset() first");
    }
    if (random.rand() < stickyActionProb) {
      a = lastAction;
    }
    lastAction = a;
    int reward = dynamics.act(a, random);
    boolean terminated = dynamics.terminal();
    if (terminated) {
      running = false;
    }
    return new StepResult(observation(), reward, terminated, false);
  }

  private int checkAction(int action) {
    if (action < 0 || action >= actions.length) {
      throw new IllegalArgumentException(id + ": action " + action + " is outside the action space; valid actions are 0.."
          + (actions.length - 1) + " " + Arrays.toString(actionSet.actions(game)));
    }
    return action;
  }

  /** A new array: the API hands each observation to the caller (agents keep them in replay buffers). */
  private float[] observation() {
    float[] out = new float[observationSpace.size()];
    dynamics.state(out);
    return out;
  }

  @Override
  public float[] resetTo(double[] state) {
    throw new UnsupportedOperationException(id + ": resetTo is not supported; MinAtar episodes start from reset(seed)");
  }

  /** The current observation grid as doubles (not a form {@link #resetTo} accepts: MinAtar has no such entry point). */
  @Override
  public double[] state() {
    if (!started) {
      throw new IllegalStateException(id + ": state() called before the first reset");
    }
    float[] obs = observation();
    double[] out = new double[obs.length];
    for (int i = 0; i < obs.length; i++) {
      out[i] = obs[i];
    }
    return out;
  }

  @Override
  public String toString() {
    return id + "(sticky_action_prob=" + stickyActionProb + ", difficulty_ramping=" + difficultyRamping + ")";
  }
}
