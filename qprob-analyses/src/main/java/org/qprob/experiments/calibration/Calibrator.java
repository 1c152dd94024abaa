package org.qprob.experiments.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.qprob.agents.random.Seeds;
import org.qprob.agents.training.Episode;
import org.qprob.agents.training.EpisodeRecorder;
import org.qprob.api.agent.ValuePredictor;
import org.qprob.api.dist.Distribution;
import org.qprob.api.dist.Gumbel;
import org.qprob.api.dist.Normal;

/**
 * Calibrates an agent's predictions on the episodes of one greedy evaluation. Every step {@code t} of an evaluation
 * episode that <em>terminated</em> counts: the pair (the agent's prediction for {@code (s_t, a_t)}, the realised
 * discounted return {@code G_t} from there to the episode's end, with the agent's discount). Steps of a truncated
 * episode (a time limit) are <em>censored</em> — their realised return is cut short — and are left out and counted.
 *
 * <p>Two predictive models, each giving one {@link CalibrationRow}:
 * <ul>
 *   <li>the agent's own distribution, if it predicts one ({@link ValuePredictor#distributional()}); for the Gumbel
 *       head {@code Q(s, a) ~ Gumbel(mu(s, a), exp(nu(s)))}, model {@code gumbel};</li>
 *   <li>for every agent, model {@code gaussian}: {@code N(Q(s, a), sigma^2)} with {@code Q} the agent's point value
 *       (for a distributional agent, its distribution's mean) and {@code sigma} fitted by {@link GaussianSpread} on the
 *       steps of the last {@value #FIT_EPISODES} finished training episodes that terminated (same discount, values
 *       of the current agent). Training episodes are played with the exploratory policy, so sigma also absorbs the
 *       difference between exploratory and greedy returns; it is never fitted on the evaluation episodes.</li>
 * </ul>
 * Predictions that are not valid distributions (a non-finite network output) give NaN metrics.
 */
public final class Calibrator {
  /** How many of the most recent finished training episodes the Gaussian spread is fitted on. */
  public static final int FIT_EPISODES = 50;

  private final ValuePredictor predictor;
  private final double gamma;
  private final EpisodeRecorder training;
  private final EpisodeRecorder evaluation;
  private final long seed;

  /**
   * @param predictor the agent's predictions
   * @param gamma the agent's discount, in (0, 1]
   * @param training records the training episodes (keeping at least the last {@value #FIT_EPISODES})
   * @param evaluation records the evaluation episodes; each call of {@link #evaluate} takes those it holds
   */
  public Calibrator(ValuePredictor predictor, double gamma, EpisodeRecorder training, EpisodeRecorder evaluation) {
    this(predictor, gamma, training, evaluation, 0);
  }

  /**
   * As above, the randomised PIT of discrete predictions drawn from a generator seeded by {@code seed} and the
   * evaluation's env step (so a resumed run draws the same).
   */
  public Calibrator(ValuePredictor predictor, double gamma, EpisodeRecorder training, EpisodeRecorder evaluation,
      long seed) {
    this.seed = seed;
    if (!(gamma > 0 && gamma <= 1)) {
      throw new IllegalArgumentException("calibration gamma = " + gamma + " is invalid; expected a number in (0, 1]");
    }
    this.predictor = predictor;
    this.gamma = gamma;
    this.training = training;
    this.evaluation = evaluation;
  }

  /** The rows of the evaluation that just ran (the episodes the evaluation recorder holds, which it forgets). */
  public List<CalibrationRow> evaluate(long envSteps) {
    return rows(envSteps, evaluation.takeFinished(), training.finished());
  }

  /** The steps of the episodes that terminated, with their realised returns. */
  private record Steps(List<float[]> observations, int[] actions, double[] returns, int censored) {
    static Steps of(List<Episode> episodes, double gamma) {
      int counted = 0;
      int censored = 0;
      for (Episode e : episodes) {
        if (e.terminated()) {
          counted += e.length();
        } else {
          censored += e.length();
        }
      }
      List<float[]> obs = new ArrayList<>(counted);
      int[] actions = new int[counted];
      double[] returns = new double[counted];
      int i = 0;
      for (Episode e : episodes) {
        if (!e.terminated()) {
          continue;
        }
        double[] g = e.returns(gamma);
        for (int t = 0; t < e.length(); t++) {
          obs.add(e.observations().get(t));
          actions[i] = e.actions()[t];
          returns[i] = g[t];
          i++;
        }
      }
      return new Steps(obs, actions, returns, censored);
    }

    int size() {
      return actions.length;
    }
  }

  /** The rows for evaluation episodes {@code evaluated}, the Gaussian spread fitted on {@code recentTraining}. */
  List<CalibrationRow> rows(long envSteps, List<Episode> evaluated, List<Episode> recentTraining) {
    Steps eval = Steps.of(evaluated, gamma);
    List<CalibrationRow> rows = new ArrayList<>(2);
    double[] values = values(eval);
    if (predictor.distributional()) {
      rows.add(ownDistribution(envSteps, evaluated, eval));
    }
    int from = Math.max(0, recentTraining.size() - FIT_EPISODES);
    Steps fit = Steps.of(recentTraining.subList(from, recentTraining.size()), gamma);
    double sigma = GaussianSpread.fit(values(fit), fit.returns());
    CalibrationMetrics gaussian;
    if (Double.isNaN(sigma) || !allFinite(values)) {
      gaussian = eval.size() == 0 ? CalibrationMetrics.none() : CalibrationMetrics.undefined(eval.size());
    } else {
      Distribution[] normals = new Distribution[eval.size()];
      for (int i = 0; i < normals.length; i++) {
        normals[i] = new Normal(values[i], sigma);
      }
      gaussian = CalibrationMetrics.of(normals, eval.returns());
    }
    rows.add(new CalibrationRow(envSteps, CalibrationRow.GAUSSIAN, eval.censored(), fit.size(), gaussian));
    return rows;
  }

  private CalibrationRow ownDistribution(long envSteps, List<Episode> evaluated, Steps eval) {
    String model = CalibrationRow.GUMBEL;
    CalibrationMetrics metrics;
    try {
      Distribution[] d = new Distribution[eval.size()];
      for (int i = 0; i < d.length; i++) {
        d[i] = predictor.returnDistributions(eval.observations().get(i))[eval.actions()[i]];
      }
      if (d.length > 0) {
        model = modelName(d[0]);
      } else if (!evaluated.isEmpty() && evaluated.get(0).length() > 0) {
        model = modelName(predictor.returnDistributions(evaluated.get(0).observations().get(0))[0]);
      }
      metrics = CalibrationMetrics.of(d, eval.returns(), new SplittableRandom(Seeds.derive(seed, "pit-" + envSteps)));
    } catch (IllegalArgumentException e) {
      metrics = CalibrationMetrics.undefined(eval.size());
    }
    return new CalibrationRow(envSteps, model, eval.censored(), 0, metrics);
  }

  /** The model name of a predicted distribution: {@code gumbel} for a Gumbel, else its type's name in lower case. */
  static String modelName(Distribution d) {
    return d instanceof Gumbel ? CalibrationRow.GUMBEL
        : d.getClass().getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "-");
  }

  private double[] values(Steps steps) {
    double[] q = new double[steps.size()];
    for (int i = 0; i < q.length; i++) {
      q[i] = predictor.actionValues(steps.observations().get(i))[steps.actions()[i]];
    }
    return q;
  }

  private static boolean allFinite(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "Calibrator(gamma=" + gamma + ", fitEpisodes=" + FIT_EPISODES + ", distributional="
        + predictor.distributional() + ")";
  }
}
