package org.qprob.experiments.calibration;

import org.qprob.experiments.report.SeedAggregate;

/**
 * One variant's calibration for one predictive model at the last evaluation of each finished seed, aggregated across
 * seeds (mean, bootstrap interval, IQM of one value per seed).
 *
 * @param variant the variant
 * @param model the predictive model ({@code gumbel}, {@code gaussian}, ...)
 * @param seeds the seeds with a calibration row for this model
 * @param steps evaluation steps counted per seed
 * @param censored evaluation steps left out (truncated episodes) per seed
 * @param nll mean negative log-likelihood of the realised returns
 * @param cover50 coverage of the central 50% intervals
 * @param cover90 coverage of the central 90% intervals
 * @param pitMaxDeviation the largest distance of a PIT bin from flat
 * @param sd mean predicted standard deviation
 * @param bias mean realised return minus predicted mean
 * @param pit per seed, the PIT histogram ({@code pit[seed][bin]})
 * @param coverage per seed, the coverage of central intervals at {@link CalibrationReport#LEVELS}
 * @param crps mean continuous ranked probability score of the realised returns (lower is better)
 */
public record CalibrationSummary(String variant, String model, int seeds, SeedAggregate steps,
    SeedAggregate censored, SeedAggregate nll, SeedAggregate cover50, SeedAggregate cover90,
    SeedAggregate pitMaxDeviation, SeedAggregate sd, SeedAggregate bias, double[][] pit, double[][] coverage,
    SeedAggregate crps) {
}
