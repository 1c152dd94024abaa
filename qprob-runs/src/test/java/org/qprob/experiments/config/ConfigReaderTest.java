package org.qprob.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qprob.agents.config.AgentConfig;

class ConfigReaderTest {
  private final ConfigReader reader = new ConfigReader();

  private ExperimentConfig one(String yaml, String... sets) {
    List<ExperimentConfig> all = reader.readText(yaml, "file-name", "test.yaml", List.of(sets));
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Test
  void anEmptyExperimentGetsEveryDefault() {
    ExperimentConfig c = one("description: nothing set\n");
    assertThat(c.name()).isEqualTo("file-name");
    assertThat(c.env()).isEqualTo(EnvConfig.defaults());
    assertThat(c.seeds().values()).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(c.budget()).isEqualTo(BudgetConfig.defaults());
    assertThat(c.evaluation()).isEqualTo(EvaluationConfig.defaults());
    assertThat(c.report()).isEqualTo(ReportConfig.defaults());
    assertThat(c.variants()).containsOnlyKeys("default");
    assertThat(c.variants().get("default")).isEqualTo(VariantConfig.defaults());
  }

  @Test
  void variantsOverrideOnlyWhatTheyName() {
    ExperimentConfig c = one("""
        name: ablation
        seeds: [3, 7]
        budget: {envSteps: 2000}
        defaults:
          agent:
            gamma: 0.95
            optimizer: {learningRate: 1e-3}
          loss: {name: xql, options: {beta: 2.0}}
        variants:
          xql-b5:
            loss: {options: {beta: 5.0}}
          l2:
            loss: {name: l2}
            agent: {replay: {batchSize: 32, learningStarts: 32}}
        """);
    assertThat(c.name()).isEqualTo("ablation");
    assertThat(c.seeds().values()).containsExactly(3L, 7L);
    assertThat(c.budget().envSteps()).isEqualTo(2000L);
    assertThat(c.budget().episodes()).isNull();
    assertThat(c.variants()).containsOnlyKeys("xql-b5", "l2");
    VariantConfig x = c.variants().get("xql-b5");
    assertThat(x.loss().name()).isEqualTo("xql");
    assertThat(x.loss().options()).containsEntry("beta", 5.0);
    assertThat(x.agent().gamma()).isEqualTo(0.95);
    assertThat(x.agent().optimizer().learningRate()).isEqualTo(1e-3);
    assertThat(x.agent().optimizer().beta2()).isEqualTo(0.999);
    VariantConfig l2 = c.variants().get("l2");
    assertThat(l2.loss().name()).isEqualTo("l2");
    assertThat(l2.loss().options()).as("options of another loss are dropped").isEmpty();
    assertThat(l2.agent().replay().batchSize()).isEqualTo(32);
    assertThat(l2.agent().replay().capacity()).isEqualTo(AgentConfig.defaults().replay().capacity());
    assertThat(l2.agent().gamma()).isEqualTo(0.95);
  }

  @Test
  void setOverridesAnyValueAndLayersOverTheFile() {
    ExperimentConfig c = one("""
        budget: {envSteps: 2000}
        defaults: {loss: {name: xql, options: {beta: 2.0}}}
        variants:
          a: {agent: {gamma: 0.9}}
          b: {}
        """, "budget.episodes=3", "defaults.agent.gamma=0.5", "variants.b.loss.options.beta=7",
        "seeds=[1, 2]", "env.options.sutton_barto_reward=true", "description=");
    assertThat(c.budget()).isEqualTo(new BudgetConfig(3, null, null));
    assertThat(c.variants().get("a").agent().gamma()).as("a variant's own value wins over defaults").isEqualTo(0.9);
    assertThat(c.variants().get("b").agent().gamma()).isEqualTo(0.5);
    assertThat(c.variants().get("b").loss().options()).containsEntry("beta", 7);
    assertThat(c.variants().get("a").loss().options()).containsEntry("beta", 2.0);
    assertThat(c.seeds().values()).containsExactly(1L, 2L);
    assertThat(c.env().options()).containsEntry("sutton_barto_reward", true);
    assertThat(c.description()).isEmpty();
  }

  @Test
  void severalDocumentsAreSeveralExperiments() {
    List<ExperimentConfig> all = reader.readText("""
        name: one
        ---
        name: two
        env: {id: Acrobot-v1}
        """, "f", "multi.yaml", List.of("seeds=2"));
    assertThat(all).extracting(ExperimentConfig::name).containsExactly("one", "two");
    assertThat(all.get(1).env().id()).isEqualTo("Acrobot-v1");
    assertThat(all).allSatisfy(c -> assertThat(c.seeds().values()).containsExactly(0L, 1L));
  }

  @Test
  void theResolvedConfigReadsBackToItself() throws Exception {
    ExperimentConfig c = one("""
        name: round-trip
        budget: {envSteps: 1234}
        report: {threshold: 100.5}
        defaults: {loss: {name: xql, options: {beta: 2.0}}}
        variants: {a: {agent: {gamma: 0.9}}, b: {loss: {name: l2}}}
        """);
    String yaml = ConfigMapper.strictYaml().writeValueAsString(c);
    assertThat(one(yaml)).isEqualTo(c);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown key              | defaults: {agent: {optimizer: {lr: 0.1}}}          | unknown key defaults.agent.optimizer.lr; known keys of defaults.agent.optimizer: [alpha, beta1, beta2, centered, epsilon, gradClipNorm, learningRate, name]
      unknown top key          | budgett: {episodes: 3}                             | unknown key budgett; known keys: [budget, checkpoint, defaults, description, env, evaluation, logging, name, report, seeds, variants]
      unknown variant key      | variants: {a: {agentt: {}}}                        | unknown key variants.a.agentt; known keys of variants.a: [agent, loss]
      wrong type               | defaults: {agent: {gamma: fast}}                   | defaults.agent.gamma = "fast" is invalid; expected a number
      string for a number      | defaults: {agent: {gamma: '0.9'}}                  | defaults.agent.gamma = "0.9" is invalid; expected a number
      fraction for an integer  | defaults: {agent: {replay: {batchSize: 3.5}}}      | defaults.agent.replay.batchSize = 3.5 is invalid; expected an integer
      gamma above one          | variants: {a: {agent: {gamma: 1.5}}}               | variants.a.agent.gamma = 1.5 is invalid; expected a discount in (0, 1]
      gamma zero               | defaults: {agent: {gamma: 0}}                      | defaults.agent.gamma = 0.0 is invalid; expected a discount in (0, 1]
      negative size            | defaults: {agent: {replay: {capacity: -5}}}        | defaults.agent.replay.capacity = -5 is invalid; expected an integer >= 1
      negative width           | defaults: {agent: {network: {hidden: [64, -1]}}}   | defaults.agent.network.hidden = [64, -1] is invalid; expected a list of positive widths
      bad choice               | defaults: {agent: {optimizer: {name: adagrad}}}    | defaults.agent.optimizer.name = "adagrad" is invalid; expected one of [adam, rmsprop, sgd]
      zero episodes            | budget: {episodes: 0}                              | budget.episodes = 0 is invalid; expected an integer >= 1
      zero gradient steps      | budget: {gradientSteps: 0}                         | budget.gradientSteps = 0 is invalid; expected an integer >= 1
      bad offline policy       | defaults: {agent: {offline: {policy: sample}}}     | defaults.agent.offline.policy = "sample" is invalid; expected one of [awr, greedy]
      negative cql alpha       | defaults: {agent: {offline: {cqlAlpha: -1}}}       | defaults.agent.offline.cqlAlpha = -1.0 is invalid; expected a weight >= 0
      zero seeds               | seeds: 0                                           | seeds = 0 is invalid; expected a count in [1, 10000] or a list of seeds
      duplicate seeds          | seeds: [1, 1]                                      | seeds = [1, 1] is invalid; expected distinct seeds
      bad name                 | name: 'a/b'                                        | name = "a/b" is invalid
      bad variant name         | variants: {'x y': {}}                              | variants: name "x y" is invalid
      variant not a mapping    | variants: {a: 3}                                   | variants.a = 3 is invalid; expected a mapping with the keys agent, loss
      variants not a mapping   | variants: [a, b]                                   | variants = ["a","b"] is invalid; expected a mapping of variant name to its overrides
      negative evaluation      | evaluation: {everyEnvSteps: -1}                    | evaluation.everyEnvSteps = -1 is invalid
      null for a number        | defaults: {agent: {gamma: null}}                   | defaults.agent.gamma = null is invalid; expected a number
      malformed yaml           | 'defaults: {agent: [}'                             | test.yaml: malformed YAML at line 1
      duplicate key            | 'seeds: 1\\nseeds: 2'                              | Duplicate field 'seeds'
      not a mapping            | '- a\\n- b'                                        | document 1 is ["a","b"]; expected a mapping
      """)
  void badConfigsFailWithOneLine(String what, String yaml, String expected) {
    String text = yaml.replace("\\n", "\n");
    assertThatThrownBy(() -> one(text))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains(expected).startsWith("test.yaml"));
  }

  @Test
  void aBudgetOfGradientStepsClearsTheOthersAndTheOthersClearIt() {
    ExperimentConfig offline = one("budget: {envSteps: 2000}\nvariants: {a: {agent: {type: cql, offline: {dataset: d.npz,"
        + " cqlAlpha: 2}}}}\n", "budget.gradientSteps=500");
    assertThat(offline.budget()).isEqualTo(new BudgetConfig(null, null, 500L));
    assertThat(offline.budget().offline()).isTrue();
    assertThat(offline.budget()).hasToString("500 gradient steps");
    assertThat(offline.budget().stepUnit()).isEqualTo("gradient steps");
    assertThat(offline.variants().get("a").agent().offline().dataset()).isEqualTo("d.npz");
    assertThat(offline.variants().get("a").agent().offline().cqlAlpha()).isEqualTo(2.0);
    ExperimentConfig online = one("budget: {gradientSteps: 2000}\nvariants: {a: {}}\n", "budget.episodes=4");
    assertThat(online.budget()).isEqualTo(new BudgetConfig(4, null, null));
    assertThat(online.budget().offline()).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      budget                 | --set budget is invalid; expected key.path=value
      =3                     | --set =3 is invalid
      a..b=1                 | --set a..b=1 is invalid; expected key.path=value with non-empty keys
      variants.nope.x=1      | --set variants.nope.x=1: no variant 'nope'; variants: [a]
      seeds=[1,              | --set seeds=[1,: malformed value
      """)
  void badOverridesFailWithOneLine(String set, String expected) {
    assertThatThrownBy(() -> one("variants: {a: {}}\n", set))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains(expected));
  }
}
