package org.qprob.agents.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qprob.agents.AgentFactory;
import org.qprob.agents.AgentSetup;
import org.qprob.agents.Fixtures;
import org.qprob.agents.config.AgentConfig;
import org.qprob.agents.config.BackupConfig;
import org.qprob.agents.config.OfflineConfig;
import org.qprob.agents.config.ReplayConfig;
import org.qprob.agents.config.TargetConfig;
import org.qprob.api.PluginRegistry;
import org.qprob.api.env.Box;
import org.qprob.api.env.Discrete;

/** Configs and datasets the offline agents refuse, each with one line naming the field and what fits. */
class OfflineAgentConfigTest {
  private static final Map<String, AgentFactory> AGENTS =
      PluginRegistry.load(AgentFactory.class, "agent", AgentFactory::name).all();
  private static final Box OBS = new Box(new float[] {-1, -1, -1}, new float[] {1, 1, 1});

  private static Object create(String type, String loss, AgentConfig config) {
    return AGENTS.get(type).create(new AgentSetup(config.withType(type), Fixtures.loss(loss), OBS, new Discrete(3), 1));
  }

  private static AgentConfig withDataset() {
    return AgentConfig.defaults().withOffline(OfflineConfig.of("d.npz"));
  }

  @Test
  void theFourOfflineAgentsAreRegistered() {
    assertThat(AGENTS).containsKeys("offline-xql", "cql", "offline-dqn", "bc");
    for (String type : new String[] {"offline-xql", "cql", "offline-dqn", "bc"}) {
      assertThat(create(type, type.equals("offline-xql") ? "xql" : "l2", withDataset())).isInstanceOf(
          OfflineLearner.class);
    }
  }

  @Test
  void refusesWhatDoesNotFit() {
    assertThatThrownBy(() -> create("cql", "l2", AgentConfig.defaults()))
        .hasMessage("offline.dataset is unset; cql learns from a dataset: expected the path of an .npz file (qprob"
            + " record writes one)");
    assertThatThrownBy(() -> create("cql", "gumbel-kl", withDataset()))
        .hasMessageStartingWith("cql: loss gumbel-kl does not fit the conservative term");
    assertThat(create("offline-dqn", "gumbel-kl", withDataset())).isNotNull();
    assertThatThrownBy(() -> create("bc", "l2", withDataset().withReplay(ReplayConfig.defaults().withKind("prioritized"))))
        .hasMessage("replay.kind = \"prioritized\" does not fit bc (it samples its dataset uniformly); expected one of"
            + " [uniform]");
    assertThatThrownBy(() -> create("offline-xql", "xql", withDataset().withReplay(ReplayConfig.defaults().withNStep(3))))
        .hasMessage("replay.nStep = 3 does not fit offline-xql (it learns from the dataset's one-step transitions);"
            + " expected 1");
    assertThatThrownBy(() -> create("offline-xql", "xql", withDataset().withTarget(TargetConfig.of("double"))))
        .hasMessage("target.source = \"double\" does not fit offline-xql; expected one of [target-network, online-stop]");
    assertThatThrownBy(() -> create("offline-xql", "xql", withDataset().withBackup(BackupConfig.of("soft"))))
        .hasMessageStartingWith("backup.kind = \"soft\" does not fit offline-xql");
    assertThatThrownBy(() -> create("offline-xql", "categorical", withDataset()))
        .hasMessage("offline-xql: loss categorical does not fit the V network; expected a point loss such as xql");
    assertThatThrownBy(() -> OfflineConfig.defaults().withPolicy("sample"))
        .hasMessage("offline.policy = \"sample\" is invalid; expected one of [awr, greedy]");
    assertThatThrownBy(() -> OfflineConfig.defaults().withCqlAlpha(-1))
        .hasMessage("offline.cqlAlpha = -1.0 is invalid; expected a weight >= 0");
  }

  @Test
  void refusesADatasetThatDoesNotFit() {
    OfflineLearner cql = (OfflineLearner) create("cql", "l2", withDataset());
    assertThatThrownBy(() -> cql.learnFrom(OfflineFixtures.randomDataset(new Box(new float[] {-1, -1},
        new float[] {1, 1}), 3, 100, 1)))
        .hasMessage("the dataset's observations of shape [2] do not fit cql's observation space (3 values per"
            + " observation)");
    assertThatThrownBy(() -> cql.learnFrom(OfflineFixtures.randomDataset(OBS, 5, 100, 1)))
        .hasMessageStartingWith("the dataset's action 4 is outside the environment's 3 actions");
    assertThatThrownBy(() -> cql.learnFrom(OfflineFixtures.randomDataset(OBS, 3, 10, 1)))
        .hasMessage("the dataset holds 10 transitions, fewer than a batch; expected replay.batchSize <= 10");
  }
}
