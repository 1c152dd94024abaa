package org.qprob.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.config.BackupConfig;
import org.qprob.agents.config.NetworkConfig;
import org.qprob.agents.config.TargetConfig;
import org.qprob.api.PluginRegistry;
import org.qprob.api.env.Box;
import org.qprob.api.env.Discrete;
import org.qprob.api.loss.Loss;

class AgentFactoryTest {
  private static final Box OBS = new Box(new float[] {-1, -1}, new float[] {1, 1});
  private static final PluginRegistry<AgentFactory> AGENTS =
      PluginRegistry.load(AgentFactory.class, "agent", AgentFactory::name);

  private static void create(AgentConfig config, Loss loss) {
    AGENTS.get(config.type()).create(new AgentSetup(config, loss, OBS, new Discrete(3), 1));
  }

  @Test
  void theAgentsAreRegistered() {
    assertThat(AGENTS.all().keySet()).containsExactly("bc", "cql", "extreme-q", "offline-dqn", "offline-xql",
        "q-learning");
    assertThatThrownBy(() -> AGENTS.get("a2c"))
        .hasMessage("unknown agent 'a2c'; known: bc, cql, extreme-q, offline-dqn, offline-xql, q-learning");
  }

  @Test
  void bothReplayKindsAreRegisteredAndAnUnknownOneFailsListingThem() {
    PluginRegistry<org.qprob.agents.replay.ReplaySamplerFactory> kinds = PluginRegistry.load(
        org.qprob.agents.replay.ReplaySamplerFactory.class, AgentSetup.REPLAY_KIND,
        org.qprob.agents.replay.ReplaySamplerFactory::name);
    assertThat(kinds.all().keySet()).containsExactly("prioritized", "uniform");
    AgentConfig config = AgentConfig.defaults().withReplay(org.qprob.agents.config.ReplayConfig.defaults()
        .withKind("rank-based"));
    assertThatThrownBy(() -> create(config, Fixtures.loss("l2")))
        .hasMessage("unknown replay kind 'rank-based'; known: prioritized, uniform");
  }

  @Test
  void bothAgentsAcceptPrioritizedReplayAndNStepReturnsWithEveryLoss() {
    org.qprob.agents.config.ReplayConfig replay = org.qprob.agents.config.ReplayConfig.defaults()
        .withKind("prioritized").withNStep(3);
    for (String loss : new String[] {"l2", "huber", "gumbel-kl", "categorical", "quantile-huber", "terminal-nll"}) {
      create(AgentConfig.defaults().withReplay(replay), Fixtures.loss(loss));
    }
    create(AgentConfig.defaults().withType("extreme-q").withReplay(replay), Fixtures.loss("xql"));
  }

  @Test
  void autoBackupFollowsTheLoss() {
    create(AgentConfig.defaults(), Fixtures.loss("gumbel-kl"));
    create(AgentConfig.defaults(), Fixtures.loss("l2"));
    create(AgentConfig.defaults().withTarget(TargetConfig.of("double")), Fixtures.loss("huber"));
    create(AgentConfig.defaults().withTarget(TargetConfig.of("double")), Fixtures.loss("categorical"));
    create(AgentConfig.defaults().withTarget(TargetConfig.of("online-grad")), Fixtures.loss("quantile-huber"));
  }

  @Test
  void configurationsThatDoNotFitTheLossFailWithOneLine() {
    assertThatThrownBy(() -> create(AgentConfig.defaults().withBackup(BackupConfig.of("gumbel")), Fixtures.loss("l2")))
        .hasMessage("backup.kind = \"gumbel\" does not fit loss l2; expected one of [max, soft] (or auto)");
    assertThatThrownBy(() -> create(AgentConfig.defaults().withBackup(BackupConfig.of("max")), Fixtures.loss("gumbel-kl")))
        .hasMessage("backup.kind = \"max\" does not fit loss gumbel-kl; expected one of [gumbel] (or auto)");
    assertThatThrownBy(() -> create(AgentConfig.defaults().withBackup(BackupConfig.of("max")),
        Fixtures.loss("categorical"))).hasMessage("backup.kind = \"max\" does not fit loss categorical; expected one of "
        + "[distributional] (or auto)");
    assertThatThrownBy(() -> create(AgentConfig.defaults().withBackup(BackupConfig.of("distributional")),
        Fixtures.loss("l2"))).hasMessageStartingWith("backup.kind = \"distributional\" does not fit loss l2");
    assertThatThrownBy(() -> create(AgentConfig.defaults().withNetwork(NetworkConfig.defaults()
        .withOriginalGumbelOutputs()), Fixtures.loss("quantile-huber")))
        .hasMessageStartingWith("network.expLocations = true does not fit the quantile head");
    assertThatThrownBy(() -> create(AgentConfig.defaults().withTarget(TargetConfig.of("double")), Fixtures.loss("gumbel-kl")))
        .hasMessage("target.source = \"double\" does not fit the gumbel backup; expected one of "
            + "[online-grad, online-stop, target-network]");
    assertThatThrownBy(() -> create(AgentConfig.defaults().withTarget(TargetConfig.of("double"))
        .withBackup(BackupConfig.of("soft")), Fixtures.loss("l2")))
        .hasMessageStartingWith("target.source = \"double\" does not fit the soft backup");
    assertThatThrownBy(() -> create(AgentConfig.defaults().withBackup(BackupConfig.of("gumbel")),
        Fixtures.loss("terminal-nll"))).hasMessageStartingWith("backup.kind = \"gumbel\" does not fit loss terminal-nll");
    AgentConfig xq = AgentConfig.defaults().withType("extreme-q");
    assertThatThrownBy(() -> create(xq, Fixtures.loss("gumbel-kl")))
        .hasMessageStartingWith("extreme-q: loss gumbel-kl does not fit the V network");
    assertThatThrownBy(() -> create(xq.withTarget(TargetConfig.of("online-grad")), Fixtures.loss("xql")))
        .hasMessage("target.source = \"online-grad\" does not fit extreme-q; expected one of [target-network, online-stop]");
    assertThatThrownBy(() -> create(xq.withBackup(BackupConfig.of("soft")), Fixtures.loss("xql")))
        .hasMessageStartingWith("backup.kind = \"soft\" does not fit extreme-q");
  }
}
