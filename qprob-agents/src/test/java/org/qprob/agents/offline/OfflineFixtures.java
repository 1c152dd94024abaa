package org.qprob.agents.offline;

import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.qprob.agents.dataset.Dataset;
import org.qprob.agents.dataset.DatasetBuilder;
import org.qprob.agents.dataset.DatasetInfo;
import org.qprob.agents.network.Mlp;
import org.qprob.agents.random.RandomStream;
import org.qprob.api.agent.Transition;
import org.qprob.api.env.Box;
import org.qprob.api.env.Discrete;
import org.qprob.api.env.Space;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.DoubleSupplier;

/** Random datasets and the central-difference check the offline agents' gradient tests share. */
public final class OfflineFixtures {
  private OfflineFixtures() {
  }

  /** {@code n} random transitions on {@code space} with {@code actions} actions, every fifth terminal. */
  public static Dataset randomDataset(Space space, int actions, int n, long seed) {
    RandomStream rng = new RandomStream(seed);
    int[] shape = space instanceof Box b ? b.shape() : new int[0];
    DatasetBuilder b = new DatasetBuilder(shape);
    for (int i = 0; i < n; i++) {
      b.add(new Transition(observation(space, rng), rng.nextInt(actions), 2 * rng.nextDouble() - 1,
          observation(space, rng), i % 5 == 4, i % 7 == 6));
    }
    return b.build(new DatasetInfo("Test-v0", null, "random", null, seed));
  }

  private static float[] observation(Space space, RandomStream rng) {
    if (space instanceof Discrete d) {
      return new float[] {rng.nextInt(d.n())};
    }
    float[] o = new float[space.flatSize()];
    for (int k = 0; k < o.length; k++) {
      o[k] = (float) (2 * rng.nextDouble() - 1);
    }
    return o;
  }

  /** Adds noise to {@code net}'s parameters, so that a target network differs from the online one. */
  public static void perturb(Mlp net, RandomStream rng, double size) {
    INDArray p = net.parameters();
    for (int k = 0; k < p.length(); k++) {
      p.putScalar(k, p.getDouble(k) + size * (rng.nextDouble() - 0.5));
    }
  }

  /**
   * Asserts that {@code gradient} of {@code net} matches central differences of {@code loss} (evaluated at the
   * current parameters) to a relative error of 1e-5, and that at least {@code minShare} of the parameters have one.
   */
  public static void assertGradient(String what, Mlp net, Gradient gradient, DoubleSupplier loss, double minShare) {
    double[] analytic = Mlp.flat(gradient);
    INDArray params = net.parameters();
    assertThat(analytic).hasSize((int) params.length());
    double h = 1e-6;
    double maxRel = 0;
    int nonZero = 0;
    for (int k = 0; k < params.length(); k++) {
      double p0 = params.getDouble(k);
      params.putScalar(k, p0 + h);
      double up = loss.getAsDouble();
      params.putScalar(k, p0 - h);
      double down = loss.getAsDouble();
      params.putScalar(k, p0);
      double numeric = (up - down) / (2 * h);
      double scale = Math.max(Math.abs(analytic[k]), Math.abs(numeric));
      if (scale > 1e-7) {
        maxRel = Math.max(maxRel, Math.abs(analytic[k] - numeric) / scale);
        nonZero++;
      } else {
        assertThat(Math.abs(analytic[k] - numeric)).as("%s parameter %d", what, k).isLessThan(1e-9);
      }
    }
    assertThat(nonZero).as("%s parameters with a non-zero gradient", what)
        .isGreaterThan((int) (params.length() * minShare));
    assertThat(maxRel).as("%s max relative error", what).isLessThan(1e-5);
  }
}
