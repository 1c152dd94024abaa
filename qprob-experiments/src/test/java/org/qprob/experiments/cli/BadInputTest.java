package org.qprob.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kind of bad input to {@code qprob run} and {@code qprob resume} gets exactly one line on stderr naming the
 * field, the bad value and what is valid, exit code 2, no new results folder, and leaves every file already written
 * as it was: each case is also pointed at the results folder of an earlier finished experiment, whose files must keep
 * their bytes and modification times.
 */
class BadInputTest {
  @TempDir
  Path dir;

  @TempDir
  static Path shared;

  /** The results folder of a finished experiment (the {@link #GOOD} config), written once. */
  private static Path existing;
  private static Map<String, String> existingFiles;

  /** A valid config; each bad case is one section after a name and one seed (see {@link #config}). */
  private static final String GOOD = """
      name: bad
      seeds: 1
      budget: {episodes: 12}
      defaults: {loss: {name: l2}}
      variants: {a: {}}
      """;
  @BeforeAll
  static void writeAnExperimentsResults() throws IOException {
    Path config = Files.writeString(shared.resolve("good.yaml"), GOOD);
    existing = shared.resolve("existing");
    Cli.Result r = Cli.run("run", config.toString(), "--out", existing.toString());
    assertThat(r.code()).as(r.err()).isZero();
    existingFiles = files(existing);
    assertThat(existingFiles).containsKeys("experiment.yaml", "summary.md", "a/seed-0/episodes.csv",
        "a/seed-0/checkpoint.bin");
  }

  /** Every file under {@code folder}: its relative path to a hash of its bytes and its modification time. */
  static Map<String, String> files(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(p).toString().replace('\\', '/'), Arrays.hashCode(Files.readAllBytes(p)) + "@"
            + Files.getLastModifiedTime(p).toMillis());
      }
    }
    return files;
  }

  /** Asserts the earlier experiment's files are as they were. */
  private static void assertExistingUntouched() throws IOException {
    assertThat(files(existing)).as("the files already written").isEqualTo(existingFiles);
  }

  /** {@code yaml} after a name and one seed, unless it sets those itself. */
  private static String config(String yaml) {
    String body = yaml.replace("\\n", "\n") + "\n";
    return (body.startsWith("name:") ? "" : "name: bad\n") + (body.contains("seeds:") ? "" : "seeds: 1\n") + body;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      unknown key          | defaults: {agent: {replay: {size: 10}}}       | unknown key defaults.agent.replay.size; known keys of defaults.agent.replay: [batchSize, capacity, gradientSteps, kind, learningStarts, nStep, prioritized, updateEvery]
      unknown top key      | seed: 3                                        | unknown key seed; known keys: [budget, checkpoint, defaults, description, env, evaluation, logging, name, report, seeds, variants]
      unknown loss         | variants: {a: {loss: {name: l3}}}              | variants.a.loss.name = "l3" is invalid; expected one of [categorical, gaussian-nll, gumbel-kl, huber, l2, quantile-huber, terminal-nll, xql] (see qprob list)
      unknown env          | env: {id: CartPole-v9}                         | env.id = "CartPole-v9" is invalid; expected one of [Acrobot-v1, CartPole-v1,
      unknown agent        | variants: {a: {agent: {type: sarsa}}}          | variants.a.agent.type = "sarsa" is invalid; expected one of [bc, cql, extreme-q, offline-dqn, offline-xql, q-learning
      unknown optimizer    | defaults: {agent: {optimizer: {name: lbfgs}}}  | defaults.agent.optimizer.name = "lbfgs" is invalid; expected one of [adam, rmsprop, sgd]
      unknown loss option  | variants: {a: {loss: {name: xql, options: {temperature: 2}}}} | variants.a.loss.options: loss xql: unknown option temperature; known options: [beta, clip_side, form, max_clip]
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
      zero batch size      | defaults: {agent: {replay: {batchSize: 0}}}    | defaults.agent.replay.batchSize = 0 is invalid; expected an integer >= 1
      batch above capacity | defaults: {agent: {replay: {capacity: 10}}}    | defaults.agent.replay.batchSize = 64 is invalid; expected <= replay.capacity = 10
      learning starts      | defaults: {agent: {replay: {learningStarts: 10}}} | defaults.agent.replay.learningStarts = 10 is invalid; expected >= replay.batchSize - 1 = 63
      zero gradient steps  | defaults: {agent: {replay: {gradientSteps: 0}}} | defaults.agent.replay.gradientSteps = 0 is invalid; expected an integer >= 1
      unknown replay kind  | defaults: {agent: {replay: {kind: rank-based}}} | variants.default.agent.replay.kind = "rank-based" is invalid; expected one of [prioritized, uniform] (see qprob list)
      zero n-step          | defaults: {agent: {replay: {nStep: 0}}}        | defaults.agent.replay.nStep = 0 is invalid; expected an integer >= 1
      prioritized alpha    | defaults: {agent: {replay: {kind: prioritized, prioritized: {alpha: 1.5}}}} | defaults.agent.replay.prioritized.alpha = 1.5 is invalid; expected a number in [0, 1]
      prioritized epsilon  | defaults: {agent: {replay: {prioritized: {epsilon: 0}}}} | defaults.agent.replay.prioritized.epsilon = 0.0 is invalid; expected a finite number > 0
      unknown prioritized key | defaults: {agent: {replay: {prioritized: {beta0: 0.5}}}} | unknown key defaults.agent.replay.prioritized.beta0; known keys of defaults.agent.replay.prioritized: [alpha, beta, betaSteps, epsilon]
      starts past budget   | "budget: {envSteps: 500}\ndefaults: {agent: {replay: {learningStarts: 500}}}" | variants.default.agent.replay.learningStarts = 500 (with updateEvery = 1) leaves no gradient step within budget.envSteps = 500
      no update event      | "budget: {envSteps: 500}\ndefaults: {agent: {replay: {updateEvery: 600}}}" | variants.default.agent.replay.learningStarts = 64 (with updateEvery = 600) leaves no gradient step within budget.envSteps = 500
      network too large    | defaults: {agent: {network: {hidden: [100000, 100000]}}} | variants.default.agent: the agent needs about
      buffer too large     | defaults: {agent: {replay: {capacity: 2000000000}}} | variants.default.agent: the agent needs about
      zero checkpoint      | checkpoint: {everyEnvSteps: 0}                 | checkpoint.everyEnvSteps = 0 is invalid; expected an integer >= 1
      unknown checkpoint key | checkpoint: {every: 5}                       | unknown key checkpoint.every; known keys of checkpoint: [everyEnvSteps]
      zero seeds           | seeds: 0                                       | seeds = 0 is invalid; expected a count in [1, 10000] or a list of seeds
      duplicate seeds      | seeds: [1, 1]                                  | seeds = [1, 1] is invalid; expected distinct seeds
      negative seed        | seeds: [-2]                                    | seeds = [-2] is invalid; expected non-negative integers
      zero eval episodes   | evaluation: {episodes: 0}                      | evaluation.episodes = 0 is invalid; expected an integer >= 1
      negative eval period | evaluation: {everyEnvSteps: -1}                | evaluation.everyEnvSteps = -1 is invalid; expected an integer >= 0 (0 = no evaluation)
      zero step budget     | budget: {envSteps: 0}                          | budget.envSteps = 0 is invalid; expected an integer >= 1
      fraction for integer | budget: {episodes: 2.5}                        | budget.episodes = 2.5 is invalid; expected an integer
      unknown exploration  | defaults: {agent: {exploration: {kind: softmax}}} | defaults.agent.exploration.kind = "softmax" is invalid; expected one of [epsilon-greedy, boltzmann, greedy]
      epsilon above one    | defaults: {agent: {exploration: {start: 1.5}}}  | defaults.agent.exploration.start = 1.5 is invalid; expected an epsilon in [0, 1]
      zero learning rate   | defaults: {agent: {optimizer: {learningRate: 0}}} | defaults.agent.optimizer.learningRate = 0.0 is invalid; expected a number in (0, 10]
      zero polyak tau      | defaults: {agent: {target: {polyakTau: 0}}}    | defaults.agent.target.polyakTau = 0.0 is invalid; expected a number in (0, 1] (1 = hard copy)
      unknown activation   | defaults: {agent: {network: {activation: swish}}} | defaults.agent.network.activation = "swish" is invalid; expected one of [relu, tanh, elu, leaky-relu, sigmoid]
      list expected        | defaults: {agent: {network: {hidden: 16}}}     | defaults.agent.network.hidden = 16 is invalid; expected a list
      clip range reversed  | defaults: {agent: {network: {clipMin: 3, clipMax: 1}}} | defaults.agent.network.clipMin = 3.0 is invalid; expected < network.clipMax = 1.0
      conv on cartpole     | defaults: {agent: {network: {conv: {filters: 16}, hidden: [128]}}} | variants.default.agent: network.conv needs observations on a grid of shape [rows, columns, channels]; the observation space has shape [4]; expected no network.conv for it
      conv kernel too big  | "env: {id: MinAtar/Breakout-v1}\ndefaults: {agent: {network: {conv: {kernel: 11}}}}" | variants.default.agent.network.conv.kernel = 11 does not fit the observation's 10 rows; expected a kernel of at most 10
      conv zero stride     | defaults: {agent: {network: {conv: {stride: 0}}}} | defaults.agent.network.conv.stride = 0 is invalid; expected an integer >= 1
      conv bad padding     | defaults: {agent: {network: {conv: {padding: full}}}} | defaults.agent.network.conv.padding = "full" is invalid; expected one of [valid, same]
      zero report window   | report: {window: 0}                            | report.window = 0 is invalid; expected an integer >= 1
      name not a folder    | name: "a/b"                                    | name = "a/b" is invalid; expected letters, digits, '.', '_' or '-'
      variant name         | "variants: {'a b': {}}"                       | variants: name "a b" is invalid; expected letters, digits
      variants not mapping | variants: [a, b]                               | variants = ["a","b"] is invalid; expected a mapping of variant name to its overrides
      bad env option value | env: {id: FrozenLake-v1, options: {map_name: 5x5}} | env.options: env FrozenLake-v1: option map_name = "5x5" is invalid; expected one of [4x4, 8x8]
      """)
  void badConfigs(String what, String yaml, String expected) throws IOException {
    Path config = Files.writeString(dir.resolve("bad.yaml"), config(yaml));
    assertBad(expected, "run", config.toString(), "--out", dir.resolve("out").toString());
    assertThat(dir.resolve("out")).doesNotExist();
    // the same config aimed at an earlier experiment's results: refused before anything is written
    assertBad(expected, "run", config.toString(), "--out", existing.toString());
    assertExistingUntouched();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      set unknown key      | --set=defaults.agent.gama=0.9                  | unknown key defaults.agent.gama; known keys of defaults.agent: [backup, exploration, extremeQ, gamma, network, offline, optimizer, replay, target, type]
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
    assertThat(dir.resolve("out")).doesNotExist();
    assertBad(expected, "run", config.toString(), "--out", existing.toString(), argument);
    assertExistingUntouched();
  }

  @org.junit.jupiter.api.Test
  void anotherConfigIntoAnEarlierExperimentsFolderIsRefused() throws IOException {
    Path config = Files.writeString(dir.resolve("other.yaml"), GOOD.replace("episodes: 12", "episodes: 13"));
    assertBad(existing + ": holds results of a different config (its experiment.yaml differs)", "run",
        config.toString(), "--out", existing.toString());
    assertExistingUntouched();
  }

  @org.junit.jupiter.api.Test
  void badResumeFolders() throws IOException {
    Path missing = dir.resolve("nowhere");
    assertBad(missing + ": no such folder; expected the results folder of an experiment qprob run started",
        "resume", missing.toString());
    assertThat(missing).doesNotExist();
    Path file = Files.writeString(dir.resolve("afile"), "x");
    assertBad(file + ": is a file; expected an experiment's results folder", "resume", file.toString());
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertBad(empty + ": holds no experiment.yaml; expected the results folder", "resume", empty.toString());
    assertThat(empty).isEmptyDirectory();
    assertBad("--jobs = 0 is invalid; expected an integer >= 1", "resume", existing.toString(), "--jobs", "0");
    assertExistingUntouched();

    // an experiment.yaml edited by hand after the runs started: refused, nothing touched
    Path edited = dir.resolve("edited");
    copy(existing, edited);
    Path yaml = edited.resolve("experiment.yaml");
    Files.writeString(yaml, Files.readString(yaml).replace("episodes: 12", "episodes: 14"));
    Map<String, String> before = files(edited);
    assertBad(edited.resolve("a/seed-0") + ": holds a run of another config (its config.yaml differs", "resume",
        edited.toString());
    assertThat(files(edited)).isEqualTo(before);
    Files.writeString(yaml, Files.readString(yaml).replace("description: \"\"", "description: ''"));
    before = files(edited);
    assertBad(yaml + ": is not the resolved config qprob run writes", "resume", edited.toString());
    assertThat(files(edited)).isEqualTo(before);
    Files.writeString(yaml, "name: [oops");
    assertBad(yaml + ": malformed YAML", "resume", edited.toString());
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
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
    long modified = Files.getLastModifiedTime(file).toMillis();
    assertBad(file + ": is a file; expected a folder for the results (--out)", "run", config.toString(), "--out",
        file.toString());
    assertThat(Files.readString(file)).isEqualTo("not a folder");
    assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
  }

  @org.junit.jupiter.api.Test
  void outputFolderHoldingSomethingElse() throws IOException {
    Path config = dir.resolve("good.yaml");
    Files.writeString(config, GOOD);
    Path out = Files.createDirectories(dir.resolve("busy"));
    Files.writeString(out.resolve("notes.txt"), "mine");
    Map<String, String> before = files(out);
    assertBad(out + ": is not empty and holds no experiment.yaml", "run", config.toString(), "--out", out.toString());
    assertThat(files(out)).isEqualTo(before);
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
    for (String sub : List.of("run", "resume", "list", "report", "verify-env", "gumbel-regression")) {
      Cli.Result r = Cli.run(sub, "--help");
      if (r.code() != 0 || !r.out().contains("Usage: qprob " + sub)) {
        missing.add(sub);
      }
    }
    assertThat(missing).isEmpty();
    assertThat(Cli.run("--help").out()).contains("run", "resume", "list", "report", "verify-env", "gumbel-regression");
  }
}
