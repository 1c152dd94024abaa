package org.qprob.experiments.runner;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.qprob.agents.AgentFactory;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.MemoryEstimate;
import org.qprob.agents.config.ReplayConfig;
import org.qprob.agents.dataset.Dataset;
import org.qprob.agents.offline.OfflineLearner;
import org.qprob.api.agent.Agent;
import org.qprob.api.env.Environment;
import org.qprob.api.env.EnvironmentProvider;
import org.qprob.api.loss.Loss;
import org.qprob.experiments.config.BudgetConfig;
import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.config.ConfigReader;
import org.qprob.experiments.config.ExperimentConfig;
import org.qprob.experiments.config.VariantConfig;
import org.qprob.experiments.guice.ForTraining;
import org.qprob.experiments.guice.Plugins;
import org.qprob.experiments.run.AvailableMemory;
import org.qprob.experiments.run.RunSpec;

/**
 * Checks an experiment against the plugins before anything runs: the environment id and options, and for every
 * variant the loss name and options, the agent type, the replay kind, whether the budget leaves room for a gradient step
 * ({@code replay.learningStarts} and {@code replay.updateEvery} count env steps), whether the agent's estimated memory
 * ({@link AgentFactory#memory}) fits, and whether the agent can be built from its config with that loss and
 * environment (which catches combinations no single field forbids). The parts are made by the run's own injector, for
 * seed 0, as the run will make them, and thrown away. A failure
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
    EnvironmentProvider envProvider = pick(plugins.environments().all(), experiment.env().id(), where, "env.id");
    for (String variant : experiment.variants().keySet()) {
      validateVariant(experiment, variant, where);
    }
    if (experiment.report().threshold() == null) {
      OptionalDouble t = envProvider.rewardThreshold();
      if (t.isPresent()) {
        return experiment.withReport(experiment.report().withThreshold(t.getAsDouble()));
      }
    }
    return experiment;
  }

  /**
   * Names first, with the config's wording; then the parts of the variant's run for seed 0, made by the run's own
   * injector exactly as a run makes them (the folder is never written): environment, loss, agent setup, the memory
   * check, the agent.
   */
  private void validateVariant(ExperimentConfig experiment, String name, String where) {
    String at = "variants." + name;
    VariantConfig variant = experiment.variants().get(name);
    pick(plugins.losses().all(), variant.loss().name(), where, at + ".loss.name");
    AgentFactory factory = pick(plugins.agents().all(), variant.agent().type(), where, at + ".agent.type");
    ReplayConfig replay = variant.agent().replay();
    pick(plugins.replays().all(), replay.kind(), where, at + ".agent.replay.kind");
    BudgetConfig budget = experiment.budget();
    if (!budget.inEpisodes() && !budget.offline() && replay.impliedGradientSteps(budget.envSteps()) == 0) {
      throw new ConfigException(where + ": " + at + ".agent.replay.learningStarts = " + replay.learningStarts()
          + " (with updateEvery = " + replay.updateEvery() + ") leaves no gradient step within budget.envSteps = "
          + budget.envSteps() + "; expected the first multiple of updateEvery above learningStarts to be <= "
          + budget.envSteps() + " (learningStarts counts env steps taken)");
    }
    Injector injector = RunExecutor.injector(plugins, RunSpec.of(experiment, name, 0, Path.of("validation")));
    made(() -> injector.getInstance(Key.get(Environment.class, ForTraining.class)), m -> where + ": env.options: " + m);
    made(() -> injector.getInstance(Loss.class), m -> where + ": " + at + ".loss.options: " + m);
    AgentSetup setup = injector.getInstance(AgentSetup.class);
    UnaryOperator<String> agentMessage = m -> where + ": " + ConfigReader.qualify(List.of("variants", name, "agent"), m);
    MemoryEstimate estimate;
    try {
      // the estimate sizes the network, so a network that does not fit the observations is refused here already
      estimate = factory.memory(setup);
    } catch (IllegalArgumentException bad) {
      throw new ConfigException(agentMessage.apply(bad.getMessage()), bad);
    }
    String tooLarge = estimate.checkFits(memory.heapBytes(), memory.nativeBytes());
    if (!tooLarge.isEmpty()) {
      throw new ConfigException(where + ": " + at + ".agent: the agent " + tooLarge);
    }
    Agent agent = made(() -> injector.getInstance(Agent.class), agentMessage);
    validateOffline(experiment, name, where, injector, agent);
  }

  /**
   * An offline agent needs a budget of gradient steps and a dataset that fits the environment and the agent; an
   * online one, a budget of episodes or env steps.
   */
  private static void validateOffline(ExperimentConfig experiment, String name, String where, Injector injector,
      Agent agent) {
    String at = "variants." + name + ".agent";
    String type = experiment.variants().get(name).agent().type();
    boolean offlineBudget = experiment.budget().offline();
    if (!(agent instanceof OfflineLearner learner)) {
      if (offlineBudget) {
        throw new ConfigException(where + ": " + at + ".type = \"" + type + "\" learns online, but budget.gradientSteps"
            + " trains offline agents; expected an offline agent (bc, cql, offline-dqn, offline-xql) or a budget of"
            + " episodes or envSteps");
      }
      return;
    }
    if (!offlineBudget) {
      throw new ConfigException(where + ": " + at + ".type = \"" + type + "\" learns from a dataset; expected"
          + " budget.gradientSteps (got budget " + experiment.budget() + ")");
    }
    Dataset data = made(() -> injector.getInstance(Dataset.class), m -> where + ": " + at + ".offline.dataset: " + m);
    try {
      learner.learnFrom(data);
    } catch (IllegalArgumentException bad) {
      throw new ConfigException(where + ": " + at + ".offline.dataset: " + bad.getMessage(), bad);
    }
  }

  /** {@code part}, or a {@link ConfigException} worded by {@code message} if its provider refused the config. */
  private static <T> T made(Supplier<T> part, UnaryOperator<String> message) {
    try {
      return part.get();
    } catch (ProvisionException e) {
      if (e.getCause() instanceof IllegalArgumentException bad) {
        throw new ConfigException(message.apply(bad.getMessage()), bad);
      }
      throw e;
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
