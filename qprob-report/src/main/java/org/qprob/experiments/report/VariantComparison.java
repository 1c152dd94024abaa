package org.qprob.experiments.report;

/**
 * Two variants compared on one {@link SeedMetric}, seed against seed.
 *
 * @param metric what is compared
 * @param a the first variant (earlier in the config)
 * @param b the second variant
 * @param nA seeds of {@code a} with a value
 * @param nB seeds of {@code b} with a value
 * @param difference {@code mean(a) - mean(b)}; NaN when either has no value
 * @param differenceInterval its two-sample bootstrap interval; {@link Interval#NONE} when either has fewer than 2
 * @param improvement {@code P(a > b) + P(a = b) / 2} over all pairs of seeds ({@link Bootstrap#probabilityOfImprovement})
 * @param improvementInterval its two-sample bootstrap interval; {@link Interval#NONE} when either has fewer than 2
 */
public record VariantComparison(SeedMetric metric, String a, String b, int nA, int nB, double difference,
    Interval differenceInterval, double improvement, Interval improvementInterval) {

  /** Compares the per-seed values {@code valuesA} and {@code valuesB} of {@code metric}. */
  public static VariantComparison of(SeedMetric metric, String a, double[] valuesA, String b, double[] valuesB,
      Bootstrap bootstrap) {
    double difference = valuesA.length == 0 || valuesB.length == 0 ? Double.NaN
        : SeedAggregate.mean(valuesA) - SeedAggregate.mean(valuesB);
    return new VariantComparison(metric, a, b, valuesA.length, valuesB.length, difference,
        bootstrap.differenceInterval(valuesA, valuesB), Bootstrap.probabilityOfImprovement(valuesA, valuesB),
        bootstrap.improvementInterval(valuesA, valuesB));
  }
}
