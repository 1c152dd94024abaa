package org.qprob.experiments.cli;

import java.nio.file.Path;
import org.qprob.agents.dataset.Dataset;
import org.qprob.agents.dataset.DatasetBuilder;
import org.qprob.agents.dataset.DatasetInfo;
import org.qprob.api.agent.Transition;

/** Datasets for the command-line tests: qprob-runs' NumPy-written files, and small synthetic ones. */
final class DatasetFileTestFiles {
  static final Path NUMPY = Path.of("..", "qprob-runs", "src", "test", "resources", "datasets");

  private DatasetFileTestFiles() {
  }

  /** {@code n} CartPole-v1 transitions of observations of {@code shape} (zeros), action 0, reward 1. */
  static Dataset dataset(int[] shape, int n) {
    int width = 1;
    for (int d : shape) {
      width *= d;
    }
    DatasetBuilder b = new DatasetBuilder(shape);
    for (int i = 0; i < n; i++) {
      b.add(new Transition(new float[width], 0, 1, new float[width], i % 10 == 9, false));
    }
    return b.build(new DatasetInfo("CartPole-v1", null, "test", null, 0L));
  }
}
