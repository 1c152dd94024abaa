package org.qprob.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kind of bad input to {@code qprob run} gets exactly one line on stderr naming the field, the bad value and
 * what is valid, exit code 2, and no results folder.
 */
class BadInputTest {
  @TempDir
  Path dir;

  /** A valid config; the bad cases add one section to {@link #BASE}. */
  private static final String GOOD = """
      name: bad
      seeds: 1
      budget: {episodes: 1}
      defaults: {loss: {name: l2}}
      variants: {a: {}}
      """;
  private static final String BASE = "name: bad\nseeds: 1\n";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      unknown key          | defaults: {agent: {replay: {size: 10}}}       | unknown key defaults.agent.replay.size; known keys of defaults.agent.replay: [batchSize, capacity, learningStarts, updateEvery]
      unknown top key      | seed: 3                                        | unknown key seed; known keys: [budget, checkpoint, defaults, description, env, evaluation, name, report, seeds, variants]
      unknown loss         | variants: {a: {loss: {name: l3}}}              | variants.a.loss.name = "l3" is invalid; expected one of [gumbel-kl, huber, l2, terminal-nll, xql] (see qprob list)
      unknown env          | env: {id: CartPole-v9}                         | env.id = "CartPole-v9" is invalid; expected one of [Acrobot-v1, CartPole-v1,
      unknown agent        | variants: {a: {agent: {type: sarsa}}}          | variants.a.agent.type = "sarsa" is invalid; expected one of [extreme-q, q-learning
      unknown optimizer    | defaults: {agent: {optimizer: {name: lbfgs}}}  | defaults.agent.optimizer.name = "lbfgs" is invalid; expected one of [adam, sgd]
      unknown loss option  | variants: {a: {loss: {name: xql, options: {temperature: 2}}}} | variants.a.loss.options: loss xql: unknown option temperature; known options: [beta, form, max_clip]
      bad loss option      | variants: {a: {loss: {name: huber, options: {delta: -1}}}}   | variants.a.loss.options: huber: delta = -1.0 is invalid
      unknown env option   | env: {id: FrozenLake-v1, options: {slippery: false}} | env.options: env FrozenLake-v1: unknown option slippery; known options:
      wrong type           | defaults: {agent: {replay: {batchSize: many}}} | defaults.agent.replay.batchSize = "many" is invalid; expected an integer
      negative capacity    | defaults: {agent: {replay: {capacity: -1}}}    | defaults.agent.replay.capacity = -1 is invalid; expected an integer >= 1
      negative width       | defaults: {agent: {network: {hidden: [-8]}}}   | defaults.agent.network.hidden = [-8] is invalid; expected a list of positive widths
      gamma above one      | variants: {a: {agent: {gamma: 1.01}}}          | variants.a.agent.gamma = 1.01 is invalid; expected a discount in (0, 1]
      gamma zero           | defaults: {agent: {gamma: 0.0}}                | defaults.agent.gamma = 0.0 is invalid; expected a discount in (0, 1]
      negative gamma       | defaults: {agent: {gamma: -0.5}}               | defaults.agent.gamma = -0.5 is invalid; expected a discount in (0, 1]
      backup vs loss       | variants: {a: {agent: {backup: {kind: gumbel}}}} | variants.a.agent.backup.kind = "gumbel" does not fit loss l2
      double vs gumbel     | variants: {a: {loss: {name: gumbel-kl}, agent: {target: {source: double}}}} | variants.a.agent.target.source = "double" does not fit the gumbel backup
      both budgets         | budget: {episodes: 3, envSteps: 10}            | budget: set exactly one of episodes, envSteps
      malformed yaml       | "variants: {a: {loss: {name: l2}}"             | malformed YAML at line
      """)
  void badConfigs(String what, String yaml, String expected) throws IOException {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(config, BASE + yaml.replace("\\n", "\n") + "\n");
    assertBad(expected, "run", config.toString(), "--out", dir.resolve("out").toString());
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      set unknown key      | --set=defaults.agent.gama=0.9                  | unknown key defaults.agent.gama; known keys of defaults.agent: [backup, exploration, extremeQ, gamma, network, optimizer, replay, target, type]
      set bad value        | --set=budget.episodes=-3                       | budget.episodes = -3 is invalid; expected an integer >= 1
      set malformed        | --set=budget                                   | --set budget is invalid; expected key.path=value
      set unknown variant  | --set=variants.z.loss.name=l2                  | --set variants.z.loss.name=l2: no variant 'z'; variants: [a]
      jobs zero            | --jobs=0                                       | --jobs = 0 is invalid; expected an integer >= 1
      unknown cli option   | --outt=x                                       | Unknown option: '--outt=x' (see qprob run --help)
      """)
  void badArguments(String what, String argument, String expected) throws IOException {
    Path config = dir.resolve("good.yaml");
    Files.writeString(config, GOOD);
    assertBad(expected, "run", config.toString(), "--out", dir.resolve("out").toString(), argument);
  }

  private static void assertBad(String expected, String... args) {
    Cli.Result r = Cli.run(args);
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.errLines()).as(r.err()).singleElement().asString().contains(expected);
  }

  @org.junit.jupiter.api.Test
  void missingConfigFile() {
    Path missing = dir.resolve("nope.yaml");
    assertBad(missing + ": no such config file", "run", missing.toString());
  }

  @org.junit.jupiter.api.Test
  void outputFolderThatIsAFile() throws IOException {
    Path config = dir.resolve("good.yaml");
    Files.writeString(config, GOOD);
    Path file = Files.writeString(dir.resolve("taken"), "not a folder");
    assertBad(file + ": is a file; expected a folder for the results (--out)", "run", config.toString(), "--out",
        file.toString());
    assertThat(Files.readString(file)).isEqualTo("not a folder");
  }

  @org.junit.jupiter.api.Test
  void outputFolderHoldingSomethingElse() throws IOException {
    Path config = dir.resolve("good.yaml");
    Files.writeString(config, GOOD);
    Path out = Files.createDirectories(dir.resolve("busy"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    assertBad(out + ": is not empty and holds no experiment.yaml", "run", config.toString(), "--out", out.toString());
  }

  @org.junit.jupiter.api.Test
  void configThatIsAFolderOrEmpty() throws IOException {
    assertBad(dir + ": is a folder; expected a YAML config file", "run", dir.toString());
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "# nothing\n");
    assertBad(empty + ": the config is empty", "run", empty.toString());
  }

  @org.junit.jupiter.api.Test
  void missingTraceFile() {
    assertBad(dir.resolve("none.jsonl") + ": no such trace file", "verify-env", dir.resolve("none.jsonl").toString());
  }

  @org.junit.jupiter.api.Test
  void unknownSubcommand() {
    Cli.Result r = Cli.run("rnu");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().contains("Unmatched argument at index 0: 'rnu'");
  }

  @org.junit.jupiter.api.Test
  void everySubcommandHasHelp() {
    List<String> missing = new ArrayList<>();
    for (String sub : List.of("run", "list", "report", "verify-env", "gumbel-regression")) {
      Cli.Result r = Cli.run(sub, "--help");
      if (r.code() != 0 || !r.out().contains("Usage: qprob " + sub)) {
        missing.add(sub);
      }
    }
    assertThat(missing).isEmpty();
    assertThat(Cli.run("--help").out()).contains("run", "list", "report", "verify-env", "gumbel-regression");
  }
}
