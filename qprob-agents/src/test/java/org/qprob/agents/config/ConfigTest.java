package org.qprob.agents.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigTest {
  @Test
  void eachTargetSourceKeyNamesItsKindAndWhetherItKeepsATargetNetwork() {
    assertThat(TargetSource.KEYS).containsExactly("online-grad", "online-stop", "target-network", "double");
    assertThat(TargetConfig.of("online-grad").kind()).isEqualTo(TargetSource.ONLINE_GRAD);
    assertThat(TargetConfig.of("online-stop").kind()).isEqualTo(TargetSource.ONLINE_STOP);
    assertThat(TargetConfig.of("target-network").kind()).isEqualTo(TargetSource.TARGET_NETWORK);
    assertThat(TargetConfig.of("double").kind()).isEqualTo(TargetSource.DOUBLE);
    assertThat(TargetSource.values()).filteredOn(TargetSource::usesTargetNetwork)
        .containsExactly(TargetSource.TARGET_NETWORK, TargetSource.DOUBLE);
  }

  @Test
  void defaultsAreTheDocumentedValues() {
    AgentConfig c = AgentConfig.defaults();
    assertThat(c.type()).isEqualTo("q-learning");
    assertThat(c.gamma()).isEqualTo(0.99);
    assertThat(c.network()).isEqualTo(new NetworkConfig(List.of(128, 128), "relu", "torch-default", false, -4, 8, false));
    assertThat(c.optimizer()).isEqualTo(new OptimizerConfig("adam", 5e-4, 0.9, 0.999, 1e-8, 0));
    assertThat(c.replay()).isEqualTo(ReplayConfig.of(100_000, 64, 64, 1));
    assertThat(c.replay().kind()).isEqualTo("uniform");
    assertThat(c.replay().nStep()).isEqualTo(1);
    assertThat(c.replay().prioritized()).isEqualTo(new PrioritizedConfig(0.6, 0.4, 100_000, 1e-6));
    assertThat(c.exploration()).isEqualTo(
        new ExplorationConfig("epsilon-greedy", 1.0, 0.01, 0.995, "exponential", "episode", 10_000));
    assertThat(c.target()).isEqualTo(new TargetConfig("target-network", 100, 1.0));
    assertThat(c.backup()).isEqualTo(new BackupConfig("auto", 1.0));
    assertThat(c.extremeQ()).isEqualTo(new ExtremeQConfig(0, 0));
    assertThat(new AgentConfig("q-learning", 0.99, null, null, null, null, null, null, null, null)).isEqualTo(c);
  }

  @Test
  void badValuesFailWithOneLineNamingFieldValueAndChoices() {
    assertThatThrownBy(() -> new NetworkConfig(List.of(128), "swish", "torch-default", false, -4, 8, false))
        .hasMessage("network.activation = \"swish\" is invalid; expected one of [relu, tanh, elu, leaky-relu, sigmoid]");
    assertThatThrownBy(() -> new NetworkConfig(List.of(128, 0), "relu", "torch-default", false, -4, 8, false))
        .hasMessage("network.hidden = [128, 0] is invalid; expected a list of positive widths");
    assertThatThrownBy(() -> new NetworkConfig(List.of(), "relu", "glorot", false, -4, 8, false))
        .hasMessage("network.weightInit = \"glorot\" is invalid; expected one of [torch-default, xavier-uniform, he-uniform]");
    assertThatThrownBy(() -> new NetworkConfig(List.of(), "relu", "torch-default", true, 8, -4, false))
        .hasMessage("network.clipMin = 8.0 is invalid; expected < network.clipMax = -4.0");
    assertThatThrownBy(() -> new OptimizerConfig("adagrad", 1e-3, 0.9, 0.999, 1e-8, 0))
        .hasMessage("optimizer.name = \"adagrad\" is invalid; expected one of [adam, rmsprop, sgd]");
    assertThatThrownBy(() -> new OptimizerConfig("adam", 1e-3, 0.9, 0.999, 1e-8, 0, 0.95, true))
        .hasMessage("optimizer.centered = true does not fit optimizer.name = \"adam\"; only rmsprop has a centred "
            + "form (expected centered: false, or name: rmsprop)");
    assertThatThrownBy(() -> new OptimizerConfig("rmsprop", 1e-3, 0.9, 0.999, 1e-2, 0, 1.0, true))
        .hasMessage("optimizer.alpha = 1.0 is invalid; expected a number in [0, 1)");
    assertThatThrownBy(() -> new OptimizerConfig("adam", -1, 0.9, 0.999, 1e-8, 0))
        .hasMessage("optimizer.learningRate = -1.0 is invalid; expected a number in (0, 10]");
    assertThatThrownBy(() -> new OptimizerConfig("adam", 1e-3, 0.9, 0.999, 1e-8, -1))
        .hasMessage("optimizer.gradClipNorm = -1.0 is invalid; expected a number >= 0 (0 = off)");
    assertThatThrownBy(() -> ReplayConfig.of(10, 64, 64, 1))
        .hasMessage("replay.batchSize = 64 is invalid; expected <= replay.capacity = 10");
    assertThatThrownBy(() -> ReplayConfig.of(1000, 64, 10, 1)).hasMessageStartingWith(
        "replay.learningStarts = 10 is invalid; expected >= replay.batchSize - 1 = 63");
    assertThatThrownBy(() -> ReplayConfig.of(1000, 64, 64, 0))
        .hasMessage("replay.updateEvery = 0 is invalid; expected an integer >= 1");
    assertThatThrownBy(() -> ReplayConfig.defaults().withNStep(0))
        .hasMessage("replay.nStep = 0 is invalid; expected an integer >= 1");
    assertThatThrownBy(() -> ReplayConfig.defaults().withKind(" "))
        .hasMessage("replay.kind = \" \" is invalid; expected a replay kind such as uniform or prioritized");
    assertThatThrownBy(() -> new PrioritizedConfig(1.5, 0.4, 100, 1e-6))
        .hasMessage("prioritized.alpha = 1.5 is invalid; expected a number in [0, 1]");
    assertThatThrownBy(() -> new PrioritizedConfig(0.6, -0.1, 100, 1e-6))
        .hasMessage("prioritized.beta = -0.1 is invalid; expected a number in [0, 1]");
    assertThatThrownBy(() -> new PrioritizedConfig(0.6, 0.4, 0, 1e-6))
        .hasMessage("prioritized.betaSteps = 0 is invalid; expected an integer >= 1");
    assertThatThrownBy(() -> new PrioritizedConfig(0.6, 0.4, 100, 0))
        .hasMessage("prioritized.epsilon = 0.0 is invalid; expected a finite number > 0");
    assertThatThrownBy(() -> new PrioritizedConfig(0.6, 0.4, 100, Double.NaN))
        .hasMessage("prioritized.epsilon = NaN is invalid; expected a finite number > 0");
    assertThatThrownBy(() -> new ExplorationConfig("softmax", 1, 0.1, 0.99, "exponential", "episode", 10))
        .hasMessage("exploration.kind = \"softmax\" is invalid; expected one of [epsilon-greedy, boltzmann, greedy]");
    assertThatThrownBy(() -> new ExplorationConfig("epsilon-greedy", 1.5, 0.1, 0.99, "exponential", "episode", 10))
        .hasMessage("exploration.start = 1.5 is invalid; expected an epsilon in [0, 1]");
    assertThatThrownBy(() -> new ExplorationConfig("boltzmann", 0, 0.1, 0.99, "exponential", "episode", 10))
        .hasMessage("exploration.start = 0.0 is invalid; expected a temperature > 0");
    assertThatThrownBy(() -> new ExplorationConfig("boltzmann", 1, 2, 0.99, "exponential", "episode", 10))
        .hasMessageStartingWith("exploration.end = 2.0 is invalid for an exponential schedule");
    assertThatThrownBy(() -> new ExplorationConfig("boltzmann", 1, 1, 0.99, "cosine", "episode", 10))
        .hasMessage("exploration.schedule = \"cosine\" is invalid; expected one of [exponential, linear]");
    assertThatThrownBy(() -> new ExplorationConfig("boltzmann", 1, 1, 0.99, "linear", "update", 10))
        .hasMessage("exploration.unit = \"update\" is invalid; expected one of [episode, step]");
    assertThatThrownBy(() -> new TargetConfig("polyak", 1, 0.01))
        .hasMessage("target.source = \"polyak\" is invalid; expected one of [online-grad, online-stop, target-network, double]");
    assertThatThrownBy(() -> new TargetConfig("target-network", 1, 0))
        .hasMessage("target.polyakTau = 0.0 is invalid; expected a number in (0, 1] (1 = hard copy)");
    assertThatThrownBy(() -> new BackupConfig("mellowmax", 1))
        .hasMessage("backup.kind = \"mellowmax\" is invalid; expected one of [auto, max, soft, gumbel, distributional]");
    assertThatThrownBy(() -> new BackupConfig("soft", 0))
        .hasMessage("backup.alpha = 0.0 is invalid; expected a temperature > 0");
    assertThatThrownBy(() -> AgentConfig.defaults().withGamma(1.5))
        .hasMessage("agent.gamma = 1.5 is invalid; expected a discount in (0, 1]");
    assertThatThrownBy(() -> AgentConfig.defaults().withType(" "))
        .hasMessageStartingWith("agent.type = \" \" is invalid");
    assertThatThrownBy(() -> new ExtremeQConfig(-1, 0))
        .hasMessage("extremeQ.valueLearningRate = -1.0 is invalid; expected a number in [0, 10] (0 = the optimizer's)");
  }

  @Test
  void referenceConfigsReproduceTheOriginalScripts() {
    ReferenceConfig q = OriginalConfigs.qProb();
    assertThat(q.loss()).isEqualTo("gumbel-kl");
    AgentConfig a = q.agent();
    assertThat(a.network()).isEqualTo(new NetworkConfig(List.of(128, 128), "relu", "torch-default", true, -4, 8, true));
    assertThat(a.optimizer()).isEqualTo(new OptimizerConfig("adam", 5e-4, 0.9, 0.999, 1e-8, 1.0));
    assertThat(a.exploration()).isEqualTo(new ExplorationConfig("boltzmann", 10, 1, 0.995, "exponential", "episode", 10_000));
    assertThat(a.target().source()).isEqualTo("online-grad");
    assertThat(a.backup().kind()).isEqualTo("gumbel");
    assertThat(a.replay()).isEqualTo(ReplayConfig.of(100_000, 64, 64, 1));
    assertThat(a.gamma()).isEqualTo(0.99);

    ReferenceConfig l2 = OriginalConfigs.baseQLearning();
    assertThat(l2.loss()).isEqualTo("l2");
    assertThat(l2.agent().network()).isEqualTo(NetworkConfig.defaults());
    assertThat(l2.agent().optimizer().gradClipNorm()).isZero();
    assertThat(l2.agent().target()).isEqualTo(new TargetConfig("target-network", 100, 1.0));
    assertThat(l2.agent().exploration()).isEqualTo(ExplorationConfig.defaults());
    assertThat(l2.agent().backup().kind()).isEqualTo("max");
    assertThat(OriginalConfigs.all()).extracting(ReferenceConfig::name)
        .containsExactly("q-prob", "base-q-learning", "dqn-target", "double-dqn", "soft-q", "extreme-q", "c51",
            "qr-dqn");
  }
}
