package org.qprob.experiments.noisychain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qprob.envs.chain.NoisyChain;
import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.report.Band;
import org.qprob.experiments.report.Bootstrap;
import org.qprob.experiments.report.CurvesPlot;
import org.qprob.experiments.report.ExperimentResults;
import org.qprob.experiments.report.Numbers;
import org.qprob.experiments.report.PointBands;
import org.qprob.experiments.report.ReportSection;
import org.qprob.experiments.report.RunResult;
import org.qprob.experiments.report.SeedAggregate;
import org.qprob.experiments.run.AtomicFiles;

/**
 * The NoisyChain-v0 part of an experiment's report, made automatically when the experiment's environment is
 * {@code NoisyChain-v0}, from the files alone: every finished run's {@code noisy-chain-values.csv}, the values its
 * final agent predicted on every state, written at run time by {@link NoisyChainAnalysis} ({@link ChainValues}); per
 * variant the measures are aggregated across seeds. Writes {@code noisy-chain.csv} (per run and state), {@code noisy-chain-runs.csv}
 * (per run) and {@code noisy-chain.png}, and returns the Markdown section of {@code summary.md}.
 */
public final class NoisyChainReport {
  /** The environment this analysis applies to. */
  public static final String ENV_ID = "NoisyChain-v0";
  /** Per run and state: noise, beta, Q, mu, Q*. */
  public static final String STATES_CSV = "noisy-chain.csv";
  /** Per run: the rank correlations and value errors. */
  public static final String RUNS_CSV = "noisy-chain-runs.csv";
  /** The plot. */
  public static final String PLOT = "noisy-chain.png";
  private static final double SD_PER_BETA = Math.PI / Math.sqrt(6);

  /** One analysed run. */
  record Run(String variant, long seed, ChainValues values) {
  }

  private NoisyChainReport() {}

  /** The section for {@code results} (empty unless its environment is NoisyChain-v0), writing the files beside it. */
  public static String render(ExperimentResults results, Bootstrap bootstrap) {
    if (!ENV_ID.equals(results.config().env().id())) {
      return "";
    }
    List<Run> runs = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (String variant : results.runs().keySet()) {
      for (RunResult r : results.finished(variant)) {
        try {
          runs.add(new Run(variant, r.seed(), NoisyChainAnalysis.read(r.folder())));
        } catch (IOException | RuntimeException e) {
          failures.add(variant + "/seed-" + r.seed() + " (" + ConfigException.oneLine(e.getClass().getSimpleName()
              + ": " + e.getMessage()) + ")");
        }
      }
    }
    Path folder = results.folder();
    AtomicFiles.writeString(folder.resolve(STATES_CSV), statesCsv(runs));
    AtomicFiles.writeString(folder.resolve(RUNS_CSV), runsCsv(runs));
    if (!runs.isEmpty()) {
      AtomicFiles.write(folder.resolve(PLOT), png(results.config().name() + " — " + ENV_ID + ", final agents, mean"
          + " across seeds; band: " + Math.round(bootstrap.level() * 100) + "% bootstrap CI", runs, bootstrap));
    }
    return markdown(new ArrayList<>(results.runs().keySet()), runs, failures, bootstrap);
  }

  static String statesCsv(List<Run> runs) {
    StringBuilder b = new StringBuilder("variant,seed,state,reward_noise,return_noise,noisy,beta,q_exit,q_advance,"
        + "mu_exit,mu_advance,true_q_exit,true_q_advance\n");
    for (Run r : runs) {
      ChainValues v = r.values();
      ChainTruth t = v.truth();
      for (int s = 0; s < t.states(); s++) {
        b.append(String.join(",", r.variant(), Long.toString(r.seed()), Integer.toString(s),
            Double.toString(t.rewardNoise()[s]), Double.toString(t.returnNoise()[s]), Boolean.toString(t.noisy()[s]),
            Double.toString(v.beta()[s]), Double.toString(v.q()[s][NoisyChain.EXIT]),
            Double.toString(v.q()[s][NoisyChain.ADVANCE]), Double.toString(v.mu()[s][NoisyChain.EXIT]),
            Double.toString(v.mu()[s][NoisyChain.ADVANCE]), Double.toString(t.trueQ()[s][NoisyChain.EXIT]),
            Double.toString(t.trueQ()[s][NoisyChain.ADVANCE]))).append('\n');
      }
    }
    return b.toString();
  }

  static String runsCsv(List<Run> runs) {
    StringBuilder b = new StringBuilder("variant,seed,rho_beta_reward_noise,rho_beta_return_noise,value_error_quiet,"
        + "value_error_noisy,location_error_quiet,location_error_noisy\n");
    for (Run r : runs) {
      ChainValues v = r.values();
      b.append(String.join(",", r.variant(), Long.toString(r.seed()), Double.toString(v.betaVsRewardNoise()),
          Double.toString(v.betaVsReturnNoise()), Double.toString(v.valueError(false)),
          Double.toString(v.valueError(true)), Double.toString(v.locationError(false)),
          Double.toString(v.locationError(true)))).append('\n');
    }
    return b.toString();
  }

  private static Map<String, List<ChainValues>> byVariant(List<String> variants, List<Run> runs) {
    Map<String, List<ChainValues>> out = new LinkedHashMap<>();
    for (String v : variants) {
      out.put(v, runs.stream().filter(r -> r.variant().equals(v)).map(Run::values).toList());
    }
    return out;
  }

  private static SeedAggregate aggregate(List<ChainValues> values,
      java.util.function.ToDoubleFunction<ChainValues> measure, Bootstrap bootstrap) {
    return SeedAggregate.of(values.stream().mapToDouble(measure).toArray(), bootstrap);
  }

  static String markdown(List<String> variants, List<Run> runs, List<String> failures, Bootstrap bootstrap) {
    StringBuilder b = new StringBuilder("\n## NoisyChain-v0: learned uncertainty and value error (final agents)\n\n");
    if (runs.isEmpty()) {
      b.append("No finished run could be analysed.");
    } else {
      ChainTruth t = runs.get(0).values().truth();
      List<Integer> noisy = new ArrayList<>();
      for (int s = 0; s < t.states(); s++) {
        if (t.noisy()[s]) {
          noisy.add(s);
        }
      }
      b.append(t.states()).append(" states; reward noise sigma_s = ").append(numbers(t.rewardNoise()))
          .append("; noisy states ").append(noisy).append(", the others quiet; discount ").append(fmt(t.gamma()))
          .append(".\n\n");
      b.append("| variant | seeds | ρ(β, reward noise σ_s) | ρ(β, return noise) | \\|Q − Q*\\| quiet states |"
          + " \\|Q − Q*\\| noisy states | \\|μ − Q*\\| quiet states | \\|μ − Q*\\| noisy states |\n");
      b.append("|---|---|---|---|---|---|---|---|\n");
      Map<String, List<ChainValues>> grouped = byVariant(variants, runs);
      for (Map.Entry<String, List<ChainValues>> e : grouped.entrySet()) {
        List<ChainValues> v = e.getValue();
        b.append("| ").append(e.getKey()).append(" | ").append(v.size()).append(" | ")
            .append(cell(aggregate(v, ChainValues::betaVsRewardNoise, bootstrap))).append(" | ")
            .append(cell(aggregate(v, ChainValues::betaVsReturnNoise, bootstrap))).append(" | ")
            .append(cell(aggregate(v, c -> c.valueError(false), bootstrap))).append(" | ")
            .append(cell(aggregate(v, c -> c.valueError(true), bootstrap))).append(" | ")
            .append(cell(aggregate(v, c -> c.locationError(false), bootstrap))).append(" | ")
            .append(cell(aggregate(v, c -> c.locationError(true), bootstrap))).append(" |\n");
      }
      b.append("\nPer state, mean across seeds: the predicted standard deviation of Q(s, ·) (π β(s) / √6 for a"
          + " Gumbel) next to the standard deviation of the optimal return from s, and |Q − Q*| averaged over both"
          + " actions.\n\n| state | σ_s | sd of optimal return |");
      for (Map.Entry<String, List<ChainValues>> e : grouped.entrySet()) {
        if (!e.getValue().isEmpty() && e.getValue().get(0).gumbel()) {
          b.append(" predicted sd, ").append(e.getKey()).append(" |");
        }
      }
      for (String v : grouped.keySet()) {
        b.append(" \\|Q − Q*\\|, ").append(v).append(" |");
      }
      b.append("\n|---|---|---|");
      for (Map.Entry<String, List<ChainValues>> e : grouped.entrySet()) {
        if (!e.getValue().isEmpty() && e.getValue().get(0).gumbel()) {
          b.append("---|");
        }
      }
      b.append("---|".repeat(grouped.size())).append('\n');
      for (int s = 0; s < t.states(); s++) {
        final int state = s;
        b.append("| ").append(s).append(t.noisy()[s] ? " (noisy)" : "").append(" | ").append(fmt(t.rewardNoise()[s]))
            .append(" | ").append(fmt(t.returnNoise()[s])).append(" |");
        for (Map.Entry<String, List<ChainValues>> e : grouped.entrySet()) {
          if (!e.getValue().isEmpty() && e.getValue().get(0).gumbel()) {
            b.append(' ').append(fmt(SeedAggregate.mean(e.getValue().stream()
                .mapToDouble(c -> SD_PER_BETA * c.beta()[state]).toArray()))).append(" |");
          }
        }
        for (List<ChainValues> v : grouped.values()) {
          b.append(' ').append(fmt(SeedAggregate.mean(v.stream().mapToDouble(c -> stateError(c, state)).toArray())))
              .append(" |");
        }
        b.append('\n');
      }
      b.append("\nβ(s) = exp(ν(s)) is the learned Gumbel scale of the final agent; ρ is Spearman's rank correlation"
          + " over the states (average ranks for ties; – where β is absent or constant). Return noise: the standard"
          + " deviation of the discounted return from s under the optimal policy. Q is the agent's point value (for"
          + " a Gumbel, its mean μ + 0.5772 β); μ is the Gumbel location. Each cell: mean across seeds with its ")
          .append(Math.round(bootstrap.level() * 100)).append("% bootstrap interval. Per run: `").append(RUNS_CSV)
          .append("`; per state: `").append(STATES_CSV).append("`; plot: `").append(PLOT).append("`.\n");
    }
    if (!failures.isEmpty()) {
      b.append("\n**Not analysed:** ").append(String.join(", ", failures)).append(".\n");
    }
    return b.toString();
  }

  private static double stateError(ChainValues c, int s) {
    double sum = 0;
    for (int a = 0; a < c.q()[s].length; a++) {
      sum += Math.abs(c.q()[s][a] - c.truth().trueQ()[s][a]);
    }
    return sum / c.q()[s].length;
  }

  static byte[] png(String heading, List<Run> runs, Bootstrap bootstrap) {
    List<String> variants = runs.stream().map(Run::variant).distinct().toList();
    Map<String, List<ChainValues>> grouped = byVariant(variants, runs);
    ChainTruth t = runs.get(0).values().truth();
    double[] states = new double[t.states()];
    for (int s = 0; s < states.length; s++) {
      states[s] = s;
    }
    List<Band> spread = new ArrayList<>();
    List<Band> error = new ArrayList<>();
    for (Map.Entry<String, List<ChainValues>> e : grouped.entrySet()) {
      List<ChainValues> v = e.getValue();
      double[][] sd = v.stream().map(c -> Arrays.stream(c.beta()).map(x -> SD_PER_BETA * x).toArray())
          .toArray(double[][]::new);
      if (!v.isEmpty() && v.get(0).gumbel()) {
        spread.add(PointBands.acrossSeeds(e.getKey() + ": predicted sd = π β(s)/√6", states, sd, bootstrap));
      }
      double[][] err = v.stream().map(c -> {
        double[] row = new double[t.states()];
        for (int s = 0; s < row.length; s++) {
          row[s] = stateError(c, s);
        }
        return row;
      }).toArray(double[][]::new);
      error.add(PointBands.acrossSeeds(e.getKey(), states, err, bootstrap));
    }
    spread.add(PointBands.line("sd of the optimal return from s", states, t.returnNoise()));
    spread.add(PointBands.line("reward noise σ_s", states, t.rewardNoise()));
    return CurvesPlot.png(heading, List.of(
        new CurvesPlot.Panel("Learned uncertainty against the true noise", "state", "standard deviation", spread),
        new CurvesPlot.Panel("Value error |Q(s, a) − Q*(s, a)|, mean over both actions", "state",
            "absolute error", error)), null);
  }

  private static String numbers(double[] v) {
    List<String> out = new ArrayList<>();
    for (double d : v) {
      out.add(fmt(d));
    }
    return "[" + String.join(", ", out) + "]";
  }

  private static String cell(SeedAggregate a) {
    if (a.n() == 0) {
      return Numbers.MISSING;
    }
    return fmt(a.mean()) + " [" + fmt(a.interval().lower()) + ", " + fmt(a.interval().upper()) + "]";
  }

  static String fmt(double v) {
    return Numbers.fixed(v, 3);
  }

  /** This analysis as a section of {@code summary.md}. */
  public static final class Section implements ReportSection {
    @Override
    public String name() {
      return "noisy-chain";
    }

    @Override
    public int order() {
      return 20;
    }

    @Override
    public String render(ExperimentResults results, Bootstrap bootstrap) {
      return NoisyChainReport.render(results, bootstrap);
    }
  }
}
