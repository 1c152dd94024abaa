package org.qprob.agents.offline;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.config.ReplayConfig;
import org.qprob.agents.dataset.Dataset;
import org.qprob.agents.network.ObservationEncoder;
import org.qprob.agents.random.RandomStream;
import org.qprob.agents.random.Seeds;
import org.qprob.agents.replay.BootstrapDiscount;
import org.qprob.agents.replay.ReplayBatch;
import org.qprob.agents.replay.ReplayBuffer;

/**
 * An offline agent's data: the dataset held in a {@link ReplayBuffer} of exactly its size (one-step transitions;
 * {@code terminations} stop the bootstrap, truncated rows still bootstrap, as online), batches of
 * {@code replay.batchSize} drawn uniformly without replacement from a stream derived from the agent's seed under the
 * name {@code "replay"}, and the count of gradient steps taken.
 */
public final class DatasetReplay {
  private final String agent;
  private final ObservationEncoder encoder;
  private final int actions;
  private final int[] indices;
  private final ReplayBatch batch;
  private final RandomStream rng;
  private final BootstrapDiscount discount;
  private ReplayBuffer buffer;
  private long updates;

  /**
   * @param agent the agent's name, for messages
   * @param config the agent's config: its {@code replay} must be one-step uniform sampling
   * @param encoder the agent's observation encoder
   * @param actions the number of actions
   * @param seed the agent's seed
   */
  public DatasetReplay(String agent, AgentConfig config, ObservationEncoder encoder, int actions, long seed) {
    ReplayConfig replay = config.replay();
    if (!replay.kind().equals(ReplayConfig.UNIFORM)) {
      throw new IllegalArgumentException("replay.kind = \"" + replay.kind() + "\" does not fit " + agent
          + " (it samples its dataset uniformly); expected one of [uniform]");
    }
    if (replay.nStep() != 1) {
      throw new IllegalArgumentException("replay.nStep = " + replay.nStep() + " does not fit " + agent
          + " (it learns from the dataset's one-step transitions); expected 1");
    }
    if (config.offline().dataset().isBlank()) {
      throw new IllegalArgumentException("offline.dataset is unset; " + agent + " learns from a dataset: expected the"
          + " path of an .npz file (qprob record writes one)");
    }
    this.agent = agent;
    this.encoder = encoder;
    this.actions = actions;
    this.indices = new int[replay.batchSize()];
    this.batch = new ReplayBatch(replay.batchSize(), encoder);
    this.rng = new RandomStream(Seeds.derive(seed, "replay"));
    this.discount = new BootstrapDiscount(config.gamma(), 1);
  }

  /** Stores {@code data}; fails with one line if it does not fit the agent. Called once. */
  public void fill(Dataset data) {
    if (buffer != null) {
      throw new IllegalStateException(agent + " already holds a dataset");
    }
    if (data.observationWidth() != encoder.rawWidth()) {
      throw new IllegalArgumentException("the dataset's observations of shape " + Arrays.toString(data.observationShape())
          + " do not fit " + agent + "'s observation space (" + encoder.rawWidth() + " values per observation)");
    }
    if (data.maxAction() >= actions) {
      throw new IllegalArgumentException("the dataset's action " + data.maxAction() + " is outside the environment's "
          + actions + " actions");
    }
    if (data.size() < indices.length) {
      throw new IllegalArgumentException("the dataset holds " + data.size() + " transitions, fewer than a batch;"
          + " expected replay.batchSize <= " + data.size());
    }
    ReplayBuffer b = new ReplayBuffer(data.size(), encoder.rawWidth());
    int w = encoder.rawWidth();
    for (int i = 0; i < data.size(); i++) {
      b.add(data.observations(), i * w, data.actions()[i], data.rewards()[i], data.nextObservations(), i * w,
          data.terminations()[i], 1);
    }
    buffer = b;
  }

  /** A new uniform batch, loaded and encoded; counts nothing. */
  public ReplayBatch sample() {
    if (buffer == null) {
      throw new IllegalStateException(agent + " has no dataset; learnFrom must come first");
    }
    buffer.sample(indices, rng);
    batch.load(buffer, indices);
    return batch;
  }

  /** Each sample's discount of the last batch: gamma, 0 where s' is terminal. */
  public double[] discounts() {
    return batch.discounts(discount);
  }

  /** The slots {@link #sample} drew last; read only. */
  public int[] indices() {
    return indices;
  }

  /** The batch at {@code slots} (tests: a batch fixed in advance). */
  public ReplayBatch load(int[] slots) {
    batch.load(buffer, slots);
    return batch;
  }

  /** Counts one gradient step. */
  public void countUpdate() {
    updates++;
  }

  /** Gradient steps taken. */
  public long updates() {
    return updates;
  }

  /** Transitions held (0 before {@link #fill}). */
  public int size() {
    return buffer == null ? 0 : buffer.size();
  }

  /** Writes the gradient step count and the sampling stream's state (the data comes from the dataset again). */
  public void write(DataOutputStream out) throws IOException {
    out.writeLong(updates);
    out.writeLong(rng.state());
    out.writeInt(size());
  }

  /** Reads what {@link #write} wrote; the dataset must be the one the checkpoint was taken with. */
  public void read(DataInputStream in) throws IOException {
    updates = in.readLong();
    rng.restore(in.readLong());
    int size = in.readInt();
    if (size != size()) {
      throw new IOException(agent + " checkpoint was taken on a dataset of " + size + " transitions; this one holds "
          + size());
    }
  }

  @Override
  public String toString() {
    return "DatasetReplay(" + size() + " transitions, batch " + indices.length + ")";
  }
}
