package org.qprob.experiments.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.PointLoss;

/**
 * XQL's Gumbel regression demonstrated on a scalar: fit one number {@code h} to samples {@code x_i ~ Normal(mean,
 * std)} by plain gradient descent on the mean of a loss, once with the Gumbel regression loss ({@code xql}) at
 * temperature beta and once with {@code l2}. Gumbel regression's minimiser is the soft maximum
 * {@code beta * log mean(exp(x_i / beta))} (for the distribution itself, {@code mean + std^2 / (2 beta)}); L2's is
 * the sample mean. Both fits start at the sample mean.
 *
 * <p>Step sizes: {@code 0.5 beta^2} for Gumbel regression (its curvature at the minimum is {@code 1 / beta^2}) and
 * 0.25 for L2 ({@code (h - x)^2} has curvature 2), so both converge geometrically near the minimum.
 */
public final class GumbelRegressionDemo {
  private final double mean;
  private final double std;
  private final int samples;
  private final long seed;
  private final int iterations;

  /**
   * @param mean the normal distribution's mean
   * @param std its standard deviation, > 0
   * @param samples how many samples, at least 2
   * @param seed the sampling generator's seed
   * @param iterations the most gradient steps per fit, at least 1
   */
  public GumbelRegressionDemo(double mean, double std, int samples, long seed, int iterations) {
    if (!Double.isFinite(mean)) {
      throw new IllegalArgumentException("mean = " + mean + " is invalid; expected a finite number");
    }
    if (!(std > 0) || !Double.isFinite(std)) {
      throw new IllegalArgumentException("std = " + std + " is invalid; expected a finite number > 0");
    }
    if (samples < 2) {
      throw new IllegalArgumentException("samples = " + samples + " is invalid; expected an integer >= 2");
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations = " + iterations + " is invalid; expected an integer >= 1");
    }
    this.mean = mean;
    this.std = std;
    this.samples = samples;
    this.seed = seed;
    this.iterations = iterations;
  }

  /** The samples, drawn from a generator seeded with {@code seed}. */
  public double[] draw() {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[samples];
    for (int i = 0; i < samples; i++) {
      x[i] = mean + std * random.nextGaussian();
    }
    return x;
  }

  /**
   * One row of the result.
   *
   * @param beta the temperature
   * @param exactSoftMax {@code mean + std^2 / (2 beta)}, the soft maximum of the distribution
   * @param sampleSoftMax {@code beta * log mean(exp(x_i / beta))}, the soft maximum of the samples
   * @param gumbelFit the h gradient descent on the Gumbel regression loss reached
   * @param l2Fit the h gradient descent on L2 reached
   * @param sampleMean the samples' mean
   * @param gumbelTrace h after each Gumbel regression step (the start first)
   * @param l2Trace h after each L2 step (the start first)
   */
  public record Row(double beta, double exactSoftMax, double sampleSoftMax, double gumbelFit, double l2Fit,
      double sampleMean, double[] gumbelTrace, double[] l2Trace) {}

  /**
   * Fits h for each beta.
   *
   * @param gumbelLoss makes the Gumbel regression loss at a given beta (the {@code xql} plugin)
   * @param l2 the L2 loss (the {@code l2} plugin)
   */
  public List<Row> run(double[] betas, java.util.function.DoubleFunction<Loss> gumbelLoss, Loss l2) {
    double[] x = draw();
    double sampleMean = Arrays.stream(x).average().orElseThrow();
    List<Row> rows = new ArrayList<>();
    for (double beta : betas) {
      double[] gumbel = fit(gumbelLoss.apply(beta), x, sampleMean, 0.5 * beta * beta);
      double[] squared = fit(l2, x, sampleMean, 0.25);
      rows.add(new Row(beta, mean + std * std / (2 * beta), softMax(x, beta), gumbel[gumbel.length - 1],
          squared[squared.length - 1], sampleMean, gumbel, squared));
    }
    return rows;
  }

  /** Plain gradient descent on {@code mean_i loss(h, x_i)} from {@code start}; returns h after each step. */
  double[] fit(Loss loss, double[] x, double start, double rate) {
    if (!(loss instanceof PointLoss point)) {
      throw new IllegalArgumentException("gumbel-regression: loss " + loss.name() + " is invalid; expected a point loss"
          + " such as xql or l2");
    }
    double[] trace = new double[iterations + 1];
    double[] prediction = new double[x.length];
    double h = start;
    trace[0] = h;
    int t = 0;
    while (t < iterations) {
      Arrays.fill(prediction, h);
      double[] dPrediction = new double[x.length];
      point.regress(prediction, x, dPrediction, null);
      double gradient = 0;
      for (double d : dPrediction) {
        gradient += d;
      }
      gradient /= x.length;
      double next = h - rate * gradient;
      t++;
      trace[t] = next;
      if (next == h) {
        break;
      }
      h = next;
    }
    return Arrays.copyOf(trace, t + 1);
  }

  /** {@code beta * log mean(exp(x_i / beta))}, computed stably. */
  public static double softMax(double[] x, double beta) {
    double top = Arrays.stream(x).max().orElseThrow();
    double sum = 0;
    for (double v : x) {
      sum += Math.exp((v - top) / beta);
    }
    return top + beta * Math.log(sum / x.length);
  }

  @Override
  public String toString() {
    return "GumbelRegressionDemo(Normal(" + mean + ", " + std + "), samples=" + samples + ", seed=" + seed
        + ", iterations=" + iterations + ")";
  }
}
