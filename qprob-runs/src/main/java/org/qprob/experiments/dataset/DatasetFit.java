package org.qprob.experiments.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import org.qprob.agents.dataset.Dataset;
import org.qprob.api.env.Box;
import org.qprob.api.env.Discrete;
import org.qprob.api.env.Space;
import org.qprob.experiments.config.ConfigMapper;
import org.qprob.experiments.config.EnvConfig;

/**
 * Whether a dataset fits an experiment's environment: the same env id and options, observations of the environment's
 * shape, actions within its action space. Each mismatch fails with one line naming the file and both sides.
 */
public final class DatasetFit {
  private static final ObjectMapper JSON = ConfigMapper.json();
  /** Numbers compare by value (1 and 1.0 are one option value); everything else as JSON. */
  private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  private DatasetFit() {
  }

  /** The dataset in {@code file}, checked against {@code env} and its spaces. */
  public static Dataset read(Path file, EnvConfig env, Space observations, Discrete actions) {
    Dataset data = DatasetFile.read(file);
    check(file, data, env, observations, actions);
    return data;
  }

  /** Fails with one line unless {@code data} fits {@code env} and its spaces. */
  public static void check(Path file, Dataset data, EnvConfig env, Space observations, Discrete actions) {
    String where = "dataset " + file;
    if (!data.info().envId().equals(env.id())) {
      throw new IllegalArgumentException(where + " was recorded on " + data.info().envId() + "; the experiment's"
          + " env.id is " + env.id());
    }
    JsonNode recorded = JSON.valueToTree(data.info().envOptions());
    JsonNode configured = JSON.valueToTree(env.options());
    if (!recorded.equals(BY_VALUE, configured)) {
      throw new IllegalArgumentException(where + " was recorded with env options " + recorded + "; the experiment's"
          + " env.options are " + configured);
    }
    int[] shape = shapeOf(observations);
    if (!Arrays.equals(shape, data.observationShape())) {
      throw new IllegalArgumentException(where + " holds observations of shape " + Arrays.toString(data.observationShape())
          + "; " + env.id() + "'s have shape " + Arrays.toString(shape));
    }
    if (data.maxAction() >= actions.n()) {
      throw new IllegalArgumentException(where + " holds action " + data.maxAction() + "; " + env.id() + " has "
          + actions.n() + " actions (0.." + (actions.n() - 1) + ")");
    }
  }

  /** The shape of one observation of {@code space} in a dataset: a box's own, {@code []} for a discrete state. */
  public static int[] shapeOf(Space space) {
    return space instanceof Box b ? b.shape() : new int[0];
  }
}
