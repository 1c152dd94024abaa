package org.qprob.envs.minatar;

import java.util.function.Function;

/**
 * The five MinAtar games: the name in ids ({@code MinAtar/<name>-v0}), the module MinAtar loads, the number of
 * channels, whether the game has a difficulty ramp, and the minimal action set ({@code minimal_action_set()}, in MinAtar's order).
 */
public enum MinAtarGame {
  ASTERIX("Asterix", "asterix", Asterix.CHANNELS, true, Asterix::new,
      MinAtarAction.NOOP, MinAtarAction.LEFT, MinAtarAction.UP, MinAtarAction.RIGHT, MinAtarAction.DOWN),
  BREAKOUT("Breakout", "breakout", Breakout.CHANNELS, false, ramping -> new Breakout(),
      MinAtarAction.NOOP, MinAtarAction.LEFT, MinAtarAction.RIGHT),
  FREEWAY("Freeway", "freeway", Freeway.CHANNELS, false, ramping -> new Freeway(),
      MinAtarAction.NOOP, MinAtarAction.UP, MinAtarAction.DOWN),
  SEAQUEST("Seaquest", "seaquest", Seaquest.CHANNELS, true, Seaquest::new, MinAtarAction.values()),
  SPACE_INVADERS("SpaceInvaders", "space_invaders", SpaceInvaders.CHANNELS, true, SpaceInvaders::new,
      MinAtarAction.NOOP, MinAtarAction.LEFT, MinAtarAction.RIGHT, MinAtarAction.FIRE);

  private final String title;
  private final String module;
  private final int channels;
  private final boolean ramps;
  private final Function<Boolean, Game> factory;
  private final MinAtarAction[] minimalActions;

  MinAtarGame(String title, String module, int channels, boolean ramps, Function<Boolean, Game> factory,
      MinAtarAction... minimalActions) {
    this.title = title;
    this.module = module;
    this.channels = channels;
    this.ramps = ramps;
    this.factory = factory;
    this.minimalActions = minimalActions;
  }

  /** The name in ids, e.g. {@code SpaceInvaders}. */
  public String title() {
    return title;
  }

  /** MinAtar's module and {@code Environment(env_name)} name, e.g. {@code space_invaders}. */
  public String module() {
    return module;
  }

  /** The number of channels of the observation grid. */
  public int channels() {
    return channels;
  }

  /** MinAtar's {@code minimal_action_set()}. */
  public MinAtarAction[] minimalActions() {
    return minimalActions.clone();
  }

  /** Whether {@code difficulty_ramping} changes the game (Breakout and Freeway have no ramp). */
  public boolean ramps() {
    return ramps;
  }

  Game newGame(boolean ramping) {
    return factory.apply(ramping);
  }
}
