package org.qprob.experiments.runner;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.qprob.experiments.run.AvailableMemory;
import org.qprob.agents.AgentFactory;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.config.ReplayConfig;
import org.qprob.agents.replay.ReplaySamplerFactory;
import org.qprob.api.Options;
import org.qprob.api.env.Environment;
import org.qprob.api.env.EnvironmentProvider;
import org.qprob.api.loss.Loss;
import org.qprob.api.loss.LossProvider;
import org.qprob.experiments.config.BudgetConfig;
import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.config.ConfigReader;
import org.qprob.experiments.config.ExperimentConfig;
import org.qprob.experiments.config.VariantConfig;
import org.qprob.experiments.guice.Plugins;

/**
 * Checks an experiment against the plugins before anything runs: the environment id and options, and for every
 * variant the loss name and options, the agent type, the replay kind, whether the budget leaves room for a gradient step
 * ({@code replay.learningStarts} and {@code replay.updateEvery} count env steps), whether the agent's estimated memory
 * ({@link AgentFactory#memory}) fits, and whether the agent can be built from its config with that loss and
 * environment (which catches combinations no single field forbids). Each part is made once and thrown away. A failure
 * is a {@link ConfigException} naming the field, the value and the valid choices.
 */
public final class ExperimentValidator {
  private final Plugins plugins;
  private final AvailableMemory memory;

  /** A validator for one run at a time in this JVM. */
  public ExperimentValidator(Plugins plugins) {
    this(plugins, AvailableMemory.ofThisJvm());
  }

  /** A validator that checks each run's estimated memory against {@code memory}. */
  public ExperimentValidator(Plugins plugins, AvailableMemory memory) {
    this.plugins = plugins;
    this.memory = memory;
  }

  /**
   * Validates {@code experiment} read from {@code where}; returns it with the report threshold made explicit (the
   * environment's reward threshold when the config left it unset).
   */
  public ExperimentConfig validate(ExperimentConfig experiment, String where) {
    String id = experiment.env().id();
    EnvironmentProvider envProvider = pick(plugins.environments().all(), id, where, "env.id");
    Environment env;
    try {
      Options options = new Options("env " + id, experiment.env().options());
      env = envProvider.create(options);
      options.requireAllUsed();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where + ": env.options: " + e.getMessage(), e);
    }
    for (Map.Entry<String, VariantConfig> v : experiment.variants().entrySet()) {
      validateVariant(v.getKey(), v.getValue(), experiment.budget(), env, where);
    }
    if (experiment.report().threshold() == null) {
      OptionalDouble t = envProvider.rewardThreshold();
      if (t.isPresent()) {
        return experiment.withReport(experiment.report().withThreshold(t.getAsDouble()));
      }
    }
    return experiment;
  }

  private void validateVariant(String name, VariantConfig variant, BudgetConfig budget, Environment env, String where) {
    String at = "variants." + name;
    String lossName = variant.loss().name();
    LossProvider lossProvider = pick(plugins.losses().all(), lossName, where, at + ".loss.name");
    Loss loss;
    try {
      Options options = new Options("loss " + lossName, variant.loss().options());
      loss = lossProvider.create(options);
      options.requireAllUsed();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where + ": " + at + ".loss.options: " + e.getMessage(), e);
    }
    AgentFactory factory = pick(plugins.agents().all(), variant.agent().type(), where, at + ".agent.type");
    ReplayConfig replay = variant.agent().replay();
    ReplaySamplerFactory sampler = pick(plugins.replays().all(), replay.kind(), where, at + ".agent.replay.kind");
    if (!budget.inEpisodes() && replay.impliedGradientSteps(budget.envSteps()) == 0) {
      throw new ConfigException(where + ": " + at + ".agent.replay.learningStarts = " + replay.learningStarts()
          + " (with updateEvery = " + replay.updateEvery() + ") leaves no gradient step within budget.envSteps = "
          + budget.envSteps() + "; expected the first multiple of updateEvery above learningStarts to be <= "
          + budget.envSteps() + " (learningStarts counts env steps taken)");
    }
    AgentSetup setup = new AgentSetup(variant.agent(), loss, env.observationSpace(), env.actionSpace(), 0L, sampler);
    String tooLarge = factory.memory(setup).checkFits(memory.heapBytes(), memory.nativeBytes());
    if (!tooLarge.isEmpty()) {
      throw new ConfigException(where + ": " + at + ".agent: the agent " + tooLarge);
    }
    try {
      factory.create(setup);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(where + ": " + ConfigReader.qualify(List.of("variants", name, "agent"), e.getMessage()),
          e);
    }
  }

  private static <P> P pick(Map<String, P> plugins, String name, String where, String field) {
    P p = plugins.get(name);
    if (p == null) {
      throw new ConfigException(where + ": " + field + " = \"" + name + "\" is invalid; expected one of "
          + List.copyOf(plugins.keySet()) + " (see qprob list)");
    }
    return p;
  }
}
