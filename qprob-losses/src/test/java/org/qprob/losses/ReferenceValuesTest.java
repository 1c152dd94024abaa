package org.qprob.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qprob.losses.Close.assertClose;
import static org.qprob.losses.ReferenceFile.number;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qprob.api.dist.Gumbel;

/** Every case of {@code reference/gumbel-math.json}, to 1e-7 relative (1e-7 absolute below magnitude 1). */
class ReferenceValuesTest {
  private static final double TOLERANCE = 1e-7;

  static List<Named<JsonNode>> klCases() {
    return ReferenceFile.cases("gumbel_kl", c -> String.format("mu_q=%.4g nu_q=%.4g mu_p=%.4g nu_p=%.4g",
        c.get("mu_q").asDouble(), c.get("nu_q").asDouble(), c.get("mu_p").asDouble(), c.get("nu_p").asDouble()));
  }

  static List<Named<JsonNode>> regressionCases() {
    return ReferenceFile.cases("gumbel_regression",
        c -> String.format("beta=%.4g n=%d", c.get("beta").asDouble(), c.get("samples").size()));
  }

  static List<Named<JsonNode>> targetCases() {
    return ReferenceFile.cases("gumbel_target", c -> String.format("actions=%d nu_next=%.4g gamma=%.4g",
        c.get("mu_next").size(), c.get("nu_next").asDouble(), c.get("gamma").asDouble()));
  }

  @Test
  void theFileHasOnlyTheSectionsCheckedHere() {
    Set<String> sections = new TreeSet<>();
    ReferenceFile.root().fieldNames().forEachRemaining(sections::add);
    sections.remove("about");
    assertThat(sections).containsExactlyInAnyOrder("gumbel_kl", "gumbel_regression", "gumbel_target");
  }

  @ParameterizedTest
  @MethodSource("klCases")
  void crossEntropyKlEntropyAndGradients(JsonNode c) {
    double muQ = number(c, "mu_q");
    double nuQ = number(c, "nu_q");
    double muP = number(c, "mu_p");
    double nuP = number(c, "nu_p");
    JsonNode grad = c.get("grad_cross_entropy");
    for (double clip : new double[] {Double.POSITIVE_INFINITY, ExponentClip.DEFAULT}) {
      GumbelCrossEntropy ce = new GumbelCrossEntropy(clip);
      double[] g = new double[4];
      double value = ce.valueAndGradient(muQ, nuQ, muP, nuP, g);
      assertClose("cross_entropy", value, number(c, "cross_entropy"), TOLERANCE);
      assertClose("cross_entropy (value only)", ce.value(muQ, nuQ, muP, nuP), number(c, "cross_entropy"), TOLERANCE);
      assertClose("kl", value - GumbelCrossEntropy.targetEntropy(nuP), number(c, "kl"), TOLERANCE);
      assertClose("d/dmu_q", g[GumbelCrossEntropy.MU_Q], number(grad, "mu_q"), TOLERANCE);
      assertClose("d/dnu_q", g[GumbelCrossEntropy.NU_Q], number(grad, "nu_q"), TOLERANCE);
      assertClose("d/dmu_p", g[GumbelCrossEntropy.MU_P], number(grad, "mu_p"), TOLERANCE);
      assertClose("d/dnu_p", g[GumbelCrossEntropy.NU_P], number(grad, "nu_p"), TOLERANCE);
    }
    assertClose("entropy_p", GumbelCrossEntropy.targetEntropy(nuP), number(c, "entropy_p"), TOLERANCE);
    Gumbel p = new Gumbel(muP, nuP);
    Gumbel q = new Gumbel(muQ, nuQ);
    assertClose("Gumbel.entropy", p.entropy(), number(c, "entropy_p"), TOLERANCE);
    assertClose("Gumbel.kl", p.kl(q), number(c, "kl"), TOLERANCE);
  }

  /** With one action, gamma 1 and reward 0 the backup is the reference p exactly, so the whole loss is checked. */
  @ParameterizedTest
  @MethodSource("klCases")
  void gumbelKlLossOnASingleActionBackup(JsonNode c) {
    double[] mu = {number(c, "mu_q")};
    double[] nu = {number(c, "nu_q")};
    LossBatch batch = LossBatch.gumbelBackup(mu, nu, new double[] {0}, new boolean[] {false}, 1.0, 1,
        new double[] {number(c, "mu_p")}, new double[] {number(c, "nu_p")});
    JsonNode grad = c.get("grad_cross_entropy");
    LossResult ce = new GumbelKlLoss(GumbelKlLoss.Objective.CROSS_ENTROPY, Double.POSITIVE_INFINITY)
        .evaluate(batch, true);
    assertClose("cross_entropy", ce.value()[0], number(c, "cross_entropy"), TOLERANCE);
    assertClose("d/dmu_q", ce.dPrediction()[0], number(grad, "mu_q"), TOLERANCE);
    assertClose("d/dnu_q", ce.dPredictionLogScale()[0], number(grad, "nu_q"), TOLERANCE);
    assertClose("d/dmu_p", ce.dNextLocation()[0], number(grad, "mu_p"), TOLERANCE);
    assertClose("d/dnu_p", ce.dNextLogScale()[0], number(grad, "nu_p"), TOLERANCE);
    LossResult kl = new GumbelKlLoss(GumbelKlLoss.Objective.KL, Double.POSITIVE_INFINITY).evaluate(batch, true);
    assertClose("kl", kl.value()[0], number(c, "kl"), TOLERANCE);
    assertClose("kl d/dmu_q", kl.dPrediction()[0], number(grad, "mu_q"), TOLERANCE);
    assertClose("kl d/dnu_q", kl.dPredictionLogScale()[0], number(grad, "nu_q"), TOLERANCE);
    assertClose("kl d/dnu_p", kl.dNextLogScale()[0], number(grad, "nu_p") - 1, TOLERANCE);
  }

  @ParameterizedTest
  @MethodSource("klCases")
  void terminalNegativeLogLikelihood(JsonNode c) {
    JsonNode t = c.get("terminal");
    double muQ = number(c, "mu_q");
    double nuQ = number(c, "nu_q");
    double r = number(t, "r");
    double expected = number(t, "nll");
    assertClose("GumbelNll", new GumbelNll(Double.POSITIVE_INFINITY).value(muQ, nuQ, r), expected, TOLERANCE);
    LossResult loss = new TerminalNllLoss(Double.POSITIVE_INFINITY)
        .evaluate(LossBatch.observed(new double[] {muQ}, new double[] {nuQ}, new double[] {r}), false);
    assertClose("terminal-nll", loss.value()[0], expected, TOLERANCE);
    LossResult terminalRow = new GumbelKlLoss(GumbelKlLoss.Objective.CROSS_ENTROPY, Double.POSITIVE_INFINITY).evaluate(
        LossBatch.gumbelBackup(new double[] {muQ}, new double[] {nuQ}, new double[] {r}, new boolean[] {true}, 0.99, 2,
            new double[] {1, 2}, new double[] {0}), true);
    assertClose("gumbel-kl terminal row", terminalRow.value()[0], expected, TOLERANCE);
    assertClose("-Gumbel.logDensity", -new Gumbel(muQ, nuQ).logDensity(r), expected, TOLERANCE);
  }

  @ParameterizedTest
  @MethodSource("regressionCases")
  void gumbelRegressionMinimiserAndMeanLoss(JsonNode c) {
    double beta = number(c, "beta");
    double[] samples = ReferenceFile.doubles(c.get("samples"));
    double h = number(c, "h");
    assertClose("minimiser", GumbelRegression.minimiser(samples, beta), number(c, "minimiser"), TOLERANCE);
    assertClose("GumbelRegression.meanLoss", GumbelRegression.meanLoss(samples, beta, h), number(c, "mean_loss_at_h"),
        TOLERANCE);
    double[] prediction = new double[samples.length];
    Arrays.fill(prediction, h);
    LossResult plain = new XqlLoss(beta, XqlLoss.Form.PLAIN, Double.POSITIVE_INFINITY)
        .evaluate(LossBatch.point(prediction, samples), false);
    assertClose("xql plain mean", plain.mean(), number(c, "mean_loss_at_h"), TOLERANCE);
  }

  @ParameterizedTest
  @MethodSource("targetCases")
  void gumbelBackupTarget(JsonNode c) {
    double[] muNext = ReferenceFile.doubles(c.get("mu_next"));
    double nuNext = number(c, "nu_next");
    double reward = number(c, "reward");
    double gamma = number(c, "gamma");
    assertClose("mu_p", GumbelBackup.location(muNext, nuNext, reward, gamma), number(c, "mu_p"), TOLERANCE);
    assertClose("nu_p", GumbelBackup.logScale(nuNext, gamma), number(c, "nu_p"), TOLERANCE);
    Gumbel viaDist = Gumbel.max(muNext, nuNext).affine(reward, gamma);
    assertClose("Gumbel.max.affine mu", viaDist.mu(), number(c, "mu_p"), TOLERANCE);
    assertClose("Gumbel.max.affine nu", viaDist.nu(), number(c, "nu_p"), TOLERANCE);
  }
}
