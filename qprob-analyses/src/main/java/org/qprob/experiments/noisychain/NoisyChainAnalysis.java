package org.qprob.experiments.noisychain;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.qprob.api.Options;
import org.qprob.api.PluginRegistry;
import org.qprob.api.agent.ValuePredictor;
import org.qprob.api.env.Environment;
import org.qprob.api.env.EnvironmentProvider;
import org.qprob.api.env.TimeLimit;
import org.qprob.api.run.RunContext;
import org.qprob.api.run.RunObserver;
import org.qprob.api.run.RunObserverProvider;
import org.qprob.envs.chain.NoisyChain;
import org.qprob.experiments.config.ConfigMapper;
import org.qprob.experiments.run.AtomicFiles;
import org.qprob.experiments.run.RunSpec;

/**
 * The NoisyChain-v0 analysis at run time: when a run on NoisyChain-v0 finishes, its trained agent is asked for its
 * values on every state ({@link ChainValues}) and they are written, with the chain's truth, to
 * {@code noisy-chain-values.csv} in the run's folder, which the report's section ({@link NoisyChainReport}) reads.
 * Runs on other environments, and agents that do not predict values, write nothing.
 */
public final class NoisyChainAnalysis implements RunObserver {
  /** The file each analysed run writes. */
  public static final String FILE = "noisy-chain-values.csv";
  /** Its columns. */
  static final List<String> COLUMNS = List.of("state", "reward_noise", "return_noise", "noisy", "beta", "q_exit",
      "q_advance", "mu_exit", "mu_advance", "true_q_exit", "true_q_advance", "gamma");

  private final Path file;
  private final ValuePredictor predictor;
  private final ChainTruth truth;

  private NoisyChainAnalysis(Path folder, ValuePredictor predictor, ChainTruth truth) {
    this.file = folder.resolve(FILE);
    this.predictor = predictor;
    this.truth = truth;
  }

  @Override
  public void completed(boolean finished) {
    if (finished) {
      AtomicFiles.writeString(file, csv(ChainValues.measure(predictor, truth)));
    }
  }

  static String csv(ChainValues v) {
    ChainTruth t = v.truth();
    StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (int s = 0; s < t.states(); s++) {
      b.append(String.join(",", Integer.toString(s), Double.toString(t.rewardNoise()[s]),
          Double.toString(t.returnNoise()[s]), Boolean.toString(t.noisy()[s]), Double.toString(v.beta()[s]),
          Double.toString(v.q()[s][NoisyChain.EXIT]), Double.toString(v.q()[s][NoisyChain.ADVANCE]),
          Double.toString(v.mu()[s][NoisyChain.EXIT]), Double.toString(v.mu()[s][NoisyChain.ADVANCE]),
          Double.toString(t.trueQ()[s][NoisyChain.EXIT]), Double.toString(t.trueQ()[s][NoisyChain.ADVANCE]),
          Double.toString(t.gamma()))).append('\n');
    }
    return b.toString();
  }

  /** The values a finished run wrote to {@code folder}'s {@link #FILE}. */
  static ChainValues read(Path folder) throws IOException {
    Path f = folder.resolve(FILE);
    if (!Files.isRegularFile(f)) {
      throw new IOException("no " + FILE + " (written when a run on " + NoisyChainReport.ENV_ID
          + " finishes; runs made before this analysis ran at run time need to be run again)");
    }
    List<String> lines = Files.readAllLines(f);
    if (lines.isEmpty() || !lines.get(0).equals(String.join(",", COLUMNS))) {
      throw new IOException(f + ": header is not " + String.join(",", COLUMNS));
    }
    int n = lines.size() - 1;
    double[] rewardNoise = new double[n];
    double[] returnNoise = new double[n];
    boolean[] noisy = new boolean[n];
    double[] beta = new double[n];
    double[][] q = new double[n][2];
    double[][] mu = new double[n][2];
    double[][] trueQ = new double[n][2];
    double gamma = Double.NaN;
    for (int s = 0; s < n; s++) {
      String[] c = lines.get(s + 1).split(",", -1);
      if (c.length != COLUMNS.size() || Integer.parseInt(c[0]) != s) {
        throw new IOException(f + ": line " + (s + 2) + " is not state " + s + " with " + COLUMNS.size() + " fields");
      }
      rewardNoise[s] = Double.parseDouble(c[1]);
      returnNoise[s] = Double.parseDouble(c[2]);
      noisy[s] = Boolean.parseBoolean(c[3]);
      beta[s] = Double.parseDouble(c[4]);
      q[s][NoisyChain.EXIT] = Double.parseDouble(c[5]);
      q[s][NoisyChain.ADVANCE] = Double.parseDouble(c[6]);
      mu[s][NoisyChain.EXIT] = Double.parseDouble(c[7]);
      mu[s][NoisyChain.ADVANCE] = Double.parseDouble(c[8]);
      trueQ[s][NoisyChain.EXIT] = Double.parseDouble(c[9]);
      trueQ[s][NoisyChain.ADVANCE] = Double.parseDouble(c[10]);
      gamma = Double.parseDouble(c[11]);
    }
    return new ChainValues(new ChainTruth(gamma, rewardNoise, returnNoise, trueQ, noisy), q, mu, beta);
  }

  /** Registers the analysis as an observer of every run ({@code noisy-chain}); it acts on NoisyChain-v0 alone. */
  public static final class Provider implements RunObserverProvider {
    @Override
    public String name() {
      return "noisy-chain";
    }

    @Override
    public String description() {
      return "on NoisyChain-v0: the finished agent's values on every state against the truth, noisy-chain-values.csv";
    }

    @Override
    public RunObserver open(RunContext context) {
      RunSpec spec;
      try {
        spec = ConfigMapper.strictYaml().readValue(context.configYaml(), RunSpec.class);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException("cannot read the config of " + context.label() + ": " + e.getMessage(), e);
      }
      if (!NoisyChainReport.ENV_ID.equals(spec.env().id()) || !(context.agent() instanceof ValuePredictor p)) {
        return new RunObserver() {};
      }
      EnvironmentProvider provider = PluginRegistry.load(EnvironmentProvider.class, "environment",
          EnvironmentProvider::id, NoisyChainAnalysis.class.getClassLoader()).get(spec.env().id());
      Environment env = provider.create(new Options("env " + spec.env().id(), spec.env().options()));
      while (env instanceof TimeLimit t) {
        env = t.unwrapped();
      }
      if (!(env instanceof NoisyChain chain)) {
        throw new IllegalArgumentException("environment " + spec.env().id() + " is not a NoisyChain");
      }
      return new NoisyChainAnalysis(context.folder(), p, ChainTruth.of(chain, spec.config().agent().gamma()));
    }
  }
}
