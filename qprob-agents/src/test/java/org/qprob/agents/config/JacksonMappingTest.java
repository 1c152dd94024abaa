package org.qprob.agents.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The records map to and from plain JSON/YAML trees as the experiments module uses them: serialise {@code defaults()},
 * merge user values over the tree, convert back failing on unknown keys.
 */
class JacksonMappingTest {
  private final ObjectMapper mapper = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  @Test
  void everyReferenceConfigRoundTrips() throws Exception {
    for (ReferenceConfig rc : OriginalConfigs.all()) {
      String json = mapper.writeValueAsString(rc.agent());
      assertThat(mapper.readValue(json, AgentConfig.class)).as(rc.name()).isEqualTo(rc.agent());
    }
  }

  @Test
  void serialisedKeysAreExactlyTheRecordComponents() {
    ObjectNode tree = mapper.valueToTree(AgentConfig.defaults());
    List<String> keys = new ArrayList<>();
    tree.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyInAnyOrder("type", "gamma", "network", "optimizer", "replay", "exploration",
        "target", "backup", "extremeQ", "offline");
    List<String> network = new ArrayList<>();
    tree.get("network").fieldNames().forEachRemaining(network::add);
    assertThat(network).containsExactlyInAnyOrder("hidden", "activation", "weightInit", "clipOutputs", "clipMin",
        "clipMax", "expLocations", "conv");
    List<String> target = new ArrayList<>();
    tree.get("target").fieldNames().forEachRemaining(target::add);
    assertThat(target).containsExactlyInAnyOrder("source", "updateEvery", "polyakTau");
  }

  @Test
  void aReplaySectionWrittenBeforeReplayKindsExistedReadsAsTheDefaults() throws Exception {
    ObjectNode tree = mapper.valueToTree(AgentConfig.defaults());
    ObjectNode replay = (ObjectNode) tree.get("replay");
    assertThat(replay.has("kind") && replay.has("nStep") && replay.has("prioritized")).isTrue();
    replay.remove(List.of("kind", "nStep", "prioritized"));
    assertThat(mapper.treeToValue(tree, AgentConfig.class)).isEqualTo(AgentConfig.defaults());
    replay.put("nStep", 0);
    assertThatThrownBy(() -> mapper.treeToValue(tree, AgentConfig.class))
        .hasRootCauseMessage("replay.nStep = 0 is invalid; expected an integer >= 1");
  }

  @Test
  void aConvSectionOverTheDefaultsTakesItsOwnDefaultsForAbsentKeys() throws Exception {
    ObjectNode tree = mapper.valueToTree(AgentConfig.defaults());
    assertThat(tree.get("network").get("conv").isNull()).isTrue();
    ObjectNode network = (ObjectNode) tree.get("network");
    network.putObject("conv").put("filters", 16);
    network.putArray("hidden").add(128);
    assertThat(mapper.treeToValue(tree, AgentConfig.class).network()).isEqualTo(NetworkConfig.minAtar());
    ((ObjectNode) network.get("conv")).put("stride", 0);
    assertThatThrownBy(() -> mapper.treeToValue(tree, AgentConfig.class))
        .hasRootCauseMessage("conv.stride = 0 is invalid; expected an integer >= 1");
    ((ObjectNode) network.get("conv")).put("stride", 1).put("padding", "full");
    assertThatThrownBy(() -> mapper.treeToValue(tree, AgentConfig.class))
        .hasRootCauseMessage("conv.padding = \"full\" is invalid; expected one of [valid, same]");
  }

  @Test
  void overridesApplyAndBadValuesOrKeysFail() throws Exception {
    ObjectNode tree = mapper.valueToTree(AgentConfig.defaults());
    ((ObjectNode) tree.get("exploration")).put("kind", "boltzmann").put("start", 10.0).put("end", 1.0);
    AgentConfig c = mapper.treeToValue(tree, AgentConfig.class);
    assertThat(c.exploration().kind()).isEqualTo("boltzmann");
    assertThat(c.exploration().start()).isEqualTo(10.0);

    ((ObjectNode) tree.get("target")).put("source", "polyak");
    assertThatThrownBy(() -> mapper.treeToValue(tree, AgentConfig.class)).hasRootCauseMessage(
        "target.source = \"polyak\" is invalid; expected one of [online-grad, online-stop, target-network, double]");

    ObjectNode typo = mapper.valueToTree(AgentConfig.defaults());
    ((ObjectNode) typo.get("replay")).put("batch_size", 32);
    assertThatThrownBy(() -> mapper.treeToValue(typo, AgentConfig.class)).hasMessageContaining("batch_size");
  }
}
