package org.qprob.envs.minatar;

/**
 * The dynamics of one MinAtar game ({@code minatar/environments/<game>.py}'s {@code Env}): every random draw comes
 * from the {@link RandomState} passed in, which the environment shares with its sticky actions as MinAtar does.
 */
interface Game {
  /** The side of the square grid. */
  int SIZE = 10;

  /** MinAtar's {@code reset()}: the start of an episode. */
  void reset(RandomState random);

  /**
   * MinAtar's {@code act(a)} for a MinAtar action ({@link MinAtarAction#index()}): returns the reward; after the
   * terminal step it returns 0 and changes nothing.
   */
  int act(int action, RandomState random);

  /** Whether the episode has ended. */
  boolean terminal();

  /**
   * MinAtar's {@code state()}: sets to 1 every true cell of the boolean grid of shape (rows, columns, channels) in
   * {@code out}, laid out channels-last in C order ({@link #cell}); {@code out} is all zeros on entry.
   */
  void state(float[] out);

  /** The index of cell (row, column, channel) in the flattened grid of {@code channels} channels. */
  static int cell(int row, int column, int channels, int channel) {
    return (row * SIZE + column) * channels + channel;
  }
}
