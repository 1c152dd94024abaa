package org.qprob.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qprob.losses.Close.assertClose;
import static org.qprob.losses.DistributionalReferenceFile.flag;
import static org.qprob.losses.DistributionalReferenceFile.integer;
import static org.qprob.losses.DistributionalReferenceFile.numbers;
import static org.qprob.losses.DistributionalReferenceFile.text;
import static org.qprob.losses.ReferenceFile.number;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qprob.api.dist.Categorical;
import org.qprob.api.dist.Distribution;
import org.qprob.api.dist.Gumbel;
import org.qprob.api.dist.QuantileAtoms;

/**
 * Every case of {@code reference/distributional.json} (see its README), to 1e-7 relative (1e-7 absolute below
 * magnitude 1): the categorical projection, cross-entropy and gradients, the quantile Huber loss and gradients, and
 * the CRPS of each kind of prediction. A terminal row is passed as {@code discount = 0}, any other as
 * {@code discount = gamma}.
 */
class DistributionalReferenceTest {
  private static final double TOLERANCE = 1e-7;

  static List<Named<JsonNode>> categoricalCases() {
    return DistributionalReferenceFile.cases("categorical", c -> String.format("atoms=%d v=[%.4g, %.4g] gamma=%.4g%s",
        c.get("atoms").asInt(), c.get("v_min").asDouble(), c.get("v_max").asDouble(), c.get("gamma").asDouble(),
        c.get("terminal").asBoolean() ? " terminal" : ""));
  }

  static List<Named<JsonNode>> quantileHuberCases() {
    return DistributionalReferenceFile.cases("quantile_huber", c -> String.format("N=%d M=%d kappa=%.4g gamma=%.4g%s",
        c.get("quantiles").asInt(), c.get("target_quantiles").asInt(), c.get("kappa").asDouble(),
        c.get("gamma").asDouble(), c.get("terminal").asBoolean() ? " terminal" : ""));
  }

  static List<Named<JsonNode>> crpsCases() {
    return DistributionalReferenceFile.cases("crps", c -> c.get("kind").asText());
  }

  private static double discount(JsonNode c) {
    return flag(c, "terminal") ? 0 : number(c, "gamma");
  }

  private static void assertAllClose(String what, double[] actual, double[] expected) {
    assertThat(actual).as("%s: length", what).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertClose(what + "[" + i + "]", actual[i], expected[i], TOLERANCE);
    }
  }

  @ParameterizedTest
  @MethodSource("categoricalCases")
  void categoricalProjectionLossAndGradients(JsonNode c) {
    int atoms = integer(c, "atoms");
    CategoricalCrossEntropy loss = new CategoricalCrossEntropy(atoms, number(c, "v_min"), number(c, "v_max"));
    double[] logits = numbers(c, "logits");
    double[] nextLogits = numbers(c, "next_logits");
    double reward = number(c, "reward");
    double discount = discount(c);

    double[] p = new double[atoms];
    CategoricalCrossEntropy.softmax(nextLogits, 0, atoms, p);
    assertAllClose("projected_target", loss.projection().project(p, reward, discount), numbers(c, "projected_target"));

    double[] dLogits = new double[atoms];
    double[] dNextLogits = new double[atoms];
    double value = loss.valueAndGradient(logits, 0, nextLogits, 0, reward, discount, dLogits, 0, dNextLogits, 0);
    assertClose("loss", value, number(c, "loss"), TOLERANCE);
    assertClose("loss (value only)", loss.value(logits, nextLogits, reward, discount), number(c, "loss"), TOLERANCE);
    assertAllClose("grad_logits", dLogits, numbers(c, "grad_logits"));
    assertAllClose("grad_next_logits", dNextLogits, numbers(c, "grad_next_logits"));

    // the same row inside a batch of three, at offset atoms
    double[] batchLogits = new double[3 * atoms];
    double[] batchNext = new double[3 * atoms];
    System.arraycopy(logits, 0, batchLogits, atoms, atoms);
    System.arraycopy(nextLogits, 0, batchNext, atoms, atoms);
    double[] dBatch = new double[3 * atoms];
    double[] dBatchNext = new double[3 * atoms];
    double[] values = loss.evaluate(batchLogits, batchNext, new double[] {0, reward, 1},
        new double[] {0.9, discount, 0}, dBatch, dBatchNext);
    assertClose("batch loss", values[1], number(c, "loss"), TOLERANCE);
    assertAllClose("batch grad_logits", Arrays.copyOfRange(dBatch, atoms, 2 * atoms),
        numbers(c, "grad_logits"));
    assertAllClose("batch grad_next_logits", Arrays.copyOfRange(dBatchNext, atoms, 2 * atoms),
        numbers(c, "grad_next_logits"));
  }

  @ParameterizedTest
  @MethodSource("quantileHuberCases")
  void quantileHuberLossAndGradients(JsonNode c) {
    int n = integer(c, "quantiles");
    int m = integer(c, "target_quantiles");
    QuantileHuber loss = new QuantileHuber(n, number(c, "kappa"));
    double[] theta = numbers(c, "theta");
    double[] nextTheta = numbers(c, "next_theta");
    assertThat(theta).hasSize(n);
    assertThat(nextTheta).hasSize(m);
    double reward = number(c, "reward");
    double discount = discount(c);
    double[] dTheta = new double[n];
    double[] dNext = new double[m];
    double value = loss.valueAndGradient(theta, 0, nextTheta, 0, m, reward, discount, dTheta, 0, dNext, 0);
    assertClose("loss", value, number(c, "loss"), TOLERANCE);
    assertClose("loss (value only)", loss.value(theta, nextTheta, reward, discount), number(c, "loss"), TOLERANCE);
    assertAllClose("grad_theta", dTheta, numbers(c, "grad_theta"));
    assertAllClose("grad_next_theta", dNext, numbers(c, "grad_next_theta"));

    double[] batchTheta = new double[2 * n];
    double[] batchNext = new double[2 * m];
    System.arraycopy(theta, 0, batchTheta, n, n);
    System.arraycopy(nextTheta, 0, batchNext, m, m);
    double[] dBatch = new double[2 * n];
    double[] dBatchNext = new double[2 * m];
    double[] values = loss.evaluate(batchTheta, batchNext, new double[] {1, reward}, new double[] {0.5, discount},
        dBatch, dBatchNext);
    assertClose("batch loss", values[1], number(c, "loss"), TOLERANCE);
    assertAllClose("batch grad_theta", Arrays.copyOfRange(dBatch, n, 2 * n), numbers(c, "grad_theta"));
    assertAllClose("batch grad_next_theta", Arrays.copyOfRange(dBatchNext, m, 2 * m),
        numbers(c, "grad_next_theta"));
  }

  @ParameterizedTest
  @MethodSource("crpsCases")
  void crpsOfEachKindOfPrediction(JsonNode c) {
    String kind = text(c, "kind");
    Distribution prediction = switch (kind) {
      case "gumbel" -> new Gumbel(number(c, "mu"), number(c, "nu"));
      case "categorical" -> new Categorical(numbers(c, "atoms"), numbers(c, "probabilities"));
      case "quantiles" -> new QuantileAtoms(numbers(c, "values"));
      default -> throw new IllegalStateException("unknown crps kind \"" + kind + "\" in " + c);
    };
    assertClose("crps of " + prediction, prediction.crps(number(c, "y")), number(c, "crps"), TOLERANCE);
  }
}
