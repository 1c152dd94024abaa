package org.qprob.agents;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.qprob.agents.network.Mlp;

/**
 * The parts every agent's checkpoint shares: its format version first, and networks a config may leave out (a target
 * network, a policy network), each written as a presence flag and then the network. The bytes are those the agents
 * wrote before these methods existed, so older checkpoints of the same version still restore.
 */
public final class AgentCheckpoint {
  private AgentCheckpoint() {
  }

  /**
   * Reads the format version; one line naming {@code agent} if it is not {@code expected}.
   *
   * @param olderHint appended to the line for a known older version (e.g. what it predates), or null
   * @param older the older version {@code olderHint} is about
   */
  public static void readVersion(DataInputStream in, String agent, int expected, int older, String olderHint)
      throws IOException {
    int version = in.readInt();
    if (version != expected) {
      throw new IOException(agent + " checkpoint version " + version + " is not supported; expected " + expected
          + (olderHint != null && version == older ? " (" + olderHint + ")" : ""));
    }
  }

  /** As {@link #readVersion(DataInputStream, String, int, int, String)} without a hint. */
  public static void readVersion(DataInputStream in, String agent, int expected) throws IOException {
    readVersion(in, agent, expected, 0, null);
  }

  /** Writes whether {@code network} exists (it may be null), then the network. */
  public static void writeOptional(DataOutputStream out, Mlp network) throws IOException {
    out.writeBoolean(network != null);
    if (network != null) {
      network.write(out);
    }
  }

  /**
   * Reads what {@link #writeOptional} wrote into {@code network} (null where this agent has none); one line if the
   * checkpoint has one where the agent has none or the other way round.
   *
   * @param what the network, as the line names it (e.g. "target network")
   * @param decidedBy the config key and value that decide whether it exists (e.g. "target.source online-stop")
   */
  public static void readOptional(DataInputStream in, Mlp network, String what, String decidedBy) throws IOException {
    boolean present = in.readBoolean();
    if (present != (network != null)) {
      throw new IOException("the checkpoint " + (present ? "has a " : "has no ") + what + " and this agent "
          + (network != null ? "has one" : "has none") + " (" + decidedBy + "); expected the config it was written with");
    }
    if (network != null) {
      network.read(in);
    }
  }
}
