package org.qprob.envs.minatar;

import org.qprob.api.Options;
import org.qprob.api.env.Environment;
import org.qprob.envs.RegisteredEnvironmentProvider;

/**
 * {@code MinAtar/<Game>-v0} (all six actions) and {@code -v1} (the minimal action set), registered as MinAtar's
 * {@code register_envs()} does: no time limit, no reward threshold. Options, with MinAtar's keyword names and defaults:
 * {@code sticky_action_prob} (a number in [0, 1], default 0.1) and {@code difficulty_ramping} (default true); and, as
 * for every provider, {@code max_episode_steps} (default none). One nested class per id, each listed in
 * {@code META-INF/services}.
 */
public abstract class MinAtarProvider extends RegisteredEnvironmentProvider {
  private final MinAtarGame game;
  private final ActionSet actionSet;

  protected MinAtarProvider(MinAtarGame game, ActionSet actionSet) {
    super("MinAtar/" + game.title() + "-" + actionSet.version(), "MinAtar " + game.title() + ", "
        + (actionSet == ActionSet.FULL ? "all actions" : "minimal action set") + " (10x10x" + game.channels()
        + " boolean grid, " + actionSet.actions(game).length + " actions, sticky actions, no time limit)", 0, Double.NaN);
    this.game = game;
    this.actionSet = actionSet;
  }

  @Override
  protected Environment make(Options options) {
    double sticky = options.getDouble("sticky_action_prob", MinAtar.DEFAULT_STICKY_ACTION_PROB, 0, 1);
    boolean ramping = options.getBoolean("difficulty_ramping", true);
    return new MinAtar(game, actionSet, sticky, ramping);
  }

  public static final class AsterixV0 extends MinAtarProvider {
    public AsterixV0() {
      super(MinAtarGame.ASTERIX, ActionSet.FULL);
    }
  }

  public static final class AsterixV1 extends MinAtarProvider {
    public AsterixV1() {
      super(MinAtarGame.ASTERIX, ActionSet.MINIMAL);
    }
  }

  public static final class BreakoutV0 extends MinAtarProvider {
    public BreakoutV0() {
      super(MinAtarGame.BREAKOUT, ActionSet.FULL);
    }
  }

  public static final class BreakoutV1 extends MinAtarProvider {
    public BreakoutV1() {
      super(MinAtarGame.BREAKOUT, ActionSet.MINIMAL);
    }
  }

  public static final class FreewayV0 extends MinAtarProvider {
    public FreewayV0() {
      super(MinAtarGame.FREEWAY, ActionSet.FULL);
    }
  }

  public static final class FreewayV1 extends MinAtarProvider {
    public FreewayV1() {
      super(MinAtarGame.FREEWAY, ActionSet.MINIMAL);
    }
  }

  public static final class SeaquestV0 extends MinAtarProvider {
    public SeaquestV0() {
      super(MinAtarGame.SEAQUEST, ActionSet.FULL);
    }
  }

  public static final class SeaquestV1 extends MinAtarProvider {
    public SeaquestV1() {
      super(MinAtarGame.SEAQUEST, ActionSet.MINIMAL);
    }
  }

  public static final class SpaceInvadersV0 extends MinAtarProvider {
    public SpaceInvadersV0() {
      super(MinAtarGame.SPACE_INVADERS, ActionSet.FULL);
    }
  }

  public static final class SpaceInvadersV1 extends MinAtarProvider {
    public SpaceInvadersV1() {
      super(MinAtarGame.SPACE_INVADERS, ActionSet.MINIMAL);
    }
  }
}
