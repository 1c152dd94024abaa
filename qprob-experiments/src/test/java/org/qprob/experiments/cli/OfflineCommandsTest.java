package org.qprob.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qprob.agents.dataset.Dataset;
import org.qprob.agents.dataset.DatasetInfo;
import org.qprob.api.run.EvaluationRecord;
import org.qprob.api.run.RunContext;
import org.qprob.api.run.RunObserver;
import org.qprob.api.run.RunObserverProvider;
import org.qprob.api.run.Signal;
import org.qprob.experiments.config.ConfigMapper;
import org.qprob.experiments.config.ConfigReader;
import org.qprob.experiments.config.ExperimentConfig;
import org.qprob.experiments.dataset.DatasetFile;
import org.qprob.experiments.guice.Plugins;
import org.qprob.experiments.run.CodeVersion;
import org.qprob.experiments.run.CsvFile;
import org.qprob.experiments.run.EpisodeRow;
import org.qprob.experiments.run.ExperimentFolder;
import org.qprob.experiments.run.Platform;
import org.qprob.experiments.run.RunCheckpoint;
import org.qprob.experiments.run.RunFiles;
import org.qprob.experiments.run.RunOutcome;
import org.qprob.experiments.run.RunProgress;
import org.qprob.experiments.run.RunSpec;
import org.qprob.experiments.runner.ExperimentValidator;
import org.qprob.experiments.runner.RunExecutor;

/**
 * Offline RL from the command line: {@code qprob record} with each behaviour policy and {@code qprob dataset}; an
 * offline experiment writes the usual run folders and report, its clock the gradient step; an interrupted offline run
 * resumes to the straight run's files; and bad input (missing dataset, a dataset of another environment or shape,
 * an unknown policy, a budget that does not fit the agent) fails with one line and exit code 2.
 */
class OfflineCommandsTest {
  @TempDir
  static Path shared;

  @TempDir
  Path dir;

  private static Path randomData;
  private static Path behaviourRun;

  static final String OFFLINE = """
      name: offline
      env: {id: CartPole-v1}
      seeds: 1
      budget: {gradientSteps: 300}
      evaluation: {everyEnvSteps: 100, episodes: 2}
      checkpoint: {everyEnvSteps: 100}
      defaults:
        agent:
          offline: {dataset: DATASET}
          network: {hidden: [16]}
          replay: {batchSize: 32}
      variants:
        xql: {agent: {type: offline-xql}, loss: {name: xql}}
        cql: {agent: {type: cql}, loss: {name: l2}}
        dqn: {agent: {type: offline-dqn}, loss: {name: huber}}
        bc: {agent: {type: bc}}
      """;

  @BeforeAll
  static void recordADatasetAndTrainABehaviourAgent() throws IOException {
    randomData = shared.resolve("random.npz");
    Cli.Result r = Cli.run("record", "--policy", "random", "--env", "CartPole-v1", "--steps", "2000", "--seed", "3",
        "--out", randomData.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("wrote " + randomData + ": CartPole-v1, policy random {steps=2000}, seed 3, 2000"
        + " transitions of observations [4], ");
    Path config = Files.writeString(shared.resolve("behaviour.yaml"), """
        name: behaviour
        seeds: 1
        budget: {envSteps: 1500}
        evaluation: {everyEnvSteps: 500, episodes: 2}
        defaults: {agent: {network: {hidden: [16]}}}
        variants: {dqn: {}}
        """);
    Cli.Result run = Cli.run("run", config.toString(), "--out", shared.resolve("behaviour").toString());
    assertThat(run.code()).as(run.err()).isZero();
    behaviourRun = RunSpec.runFolder(shared.resolve("behaviour"), "dqn", 0);
  }

  private Path offlineConfig(String name, Path dataset) throws IOException {
    return Files.writeString(dir.resolve(name + ".yaml"), OFFLINE.replace("DATASET", dataset.toString())
        .replace("name: offline", "name: " + name));
  }

  @Test
  void recordingIsDeterministicAndTheDatasetCommandReadsIt() throws IOException {
    Path again = dir.resolve("again.npz");
    Cli.Result r = Cli.run("record", "--policy", "random", "--env", "CartPole-v1", "--steps", "2000", "--seed", "3",
        "--out", again.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllBytes(again)).as("same seed, same bytes").isEqualTo(Files.readAllBytes(randomData));
    Cli.Result info = Cli.run("dataset", randomData.toString(),
        DatasetFileTestFiles.NUMPY.resolve("numpy-d4rl.npz").toString());
    assertThat(info.code()).as(info.err()).isZero();
    assertThat(info.out().lines()).hasSize(2);
    assertThat(info.out().lines().toList().get(1)).endsWith("numpy-d4rl.npz: CartPole-v1, policy d4rl-style caf\u00e9,"
        + " seed null, 5 transitions of observations [4], 2 episodes ending in it, mean return 4.75");
  }

  @Test
  void epsilonGreedyAndMediumReplayRecordAFinishedRun() throws IOException {
    Path expert = dir.resolve("expert.npz");
    Cli.Result r = Cli.run("record", "--policy", "epsilon-greedy", "--epsilon", "0.1", "--run", behaviourRun.toString(),
        "--steps", "700", "--out", expert.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Dataset e = DatasetFile.read(expert);
    assertThat(e.size()).isEqualTo(700);
    assertThat(e.info().policy()).isEqualTo("epsilon-greedy");
    assertThat(e.info().policyOptions()).containsEntry("epsilon", 0.1).containsEntry("variant", "dqn");

    Path replay = dir.resolve("replay.npz");
    Cli.Result m = Cli.run("record", "--policy", "medium-replay", "--run", behaviourRun.toString(), "--out",
        replay.toString());
    assertThat(m.code()).as(m.err()).isZero();
    Dataset d = DatasetFile.read(replay);
    assertThat(d.size()).as("every training step of the run").isEqualTo(1500);
    List<EpisodeRow> logged = CsvFile.read(behaviourRun.resolve(RunFiles.EPISODES), EpisodeRow.COLUMNS,
        EpisodeRow::parse);
    List<Double> returns = d.episodeReturns();
    assertThat(returns).hasSize(logged.size() + 1);
    for (int i = 0; i < logged.size(); i++) {
      assertThat(returns.get(i)).isEqualTo(logged.get(i).episodeReturn());
    }
    assertThat(d.truncations()[1499]).as("the episode the budget cut ends truncated").isTrue();
    assertThat(d.info()).extracting(DatasetInfo::policy, DatasetInfo::seed).containsExactly("medium-replay", 0L);
  }

  @Test
  void anOfflineExperimentWritesTheUsualFilesOnTheGradientStepClock() throws IOException {
    Path config = offlineConfig("offline", randomData);
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("run", config.toString(), "--out", out.toString(), "--jobs", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(out.resolve("summary.md")).isRegularFile();
    assertThat(out.resolve("curves.png")).isRegularFile();
    String summary = Files.readString(out.resolve("summary.md"));
    assertThat(summary).contains("budget 300 gradient steps per run", "evaluation every 100 gradient steps",
            "| variant | seeds | final greedy eval | IQM | mean greedy eval over the run | gradient steps |");
    assertThat(summary).as("no training-episode columns, in the table or the pairwise comparisons")
        .doesNotContain("final training return").doesNotContain("mean return over env steps")
        .contains("| a − b | final greedy eval | P(a > b) |");
    for (String variant : List.of("xql", "cql", "dqn", "bc")) {
      Path run = RunSpec.runFolder(out, variant, 0);
      // the table's mean greedy eval over the run is the mean of the run's evaluations (one seed: no interval width)
      double mean = Files.readAllLines(run.resolve(RunFiles.EVALUATIONS)).stream().skip(1)
          .mapToDouble(l -> Double.parseDouble(l.split(",")[3])).average().orElseThrow();
      String row = summary.lines().filter(l -> l.startsWith("| " + variant + " |")).findFirst().orElseThrow();
      assertThat(row.split("\\|")[5].trim()).as(row)
          .startsWith(org.qprob.experiments.report.Numbers.of(mean) + " [");
      assertThat(Files.readAllLines(run.resolve(RunFiles.EPISODES))).as("no training episodes").hasSize(1);
      List<String> evaluations = Files.readAllLines(run.resolve(RunFiles.EVALUATIONS));
      assertThat(evaluations.subList(1, evaluations.size())).extracting(l -> l.substring(0, l.indexOf(',')))
          .containsExactly("100", "200", "300");
      assertThat(run.resolve(RunFiles.AGENT)).isRegularFile();
      JsonNode p = ConfigMapper.json().readTree(run.resolve(RunFiles.PROVENANCE).toFile());
      assertThat(p.get("status").asText()).isEqualTo("finished");
      assertThat(p.get("gradientSteps").asLong()).isEqualTo(300);
      assertThat(p.get("envSteps").asLong()).isZero();
    }
    Cli.Result report = Cli.run("report", out.toString());
    assertThat(report.code()).as(report.err()).isZero();
  }

  /** Copies the run folder at every evaluation, as a kill right after it would leave it. */
  public static final class Snapshots implements RunObserverProvider {
    static Path into;
    static final List<Path> TAKEN = new ArrayList<>();

    @Override
    public String name() {
      return "snapshots";
    }

    @Override
    public RunObserver open(RunContext context) {
      return new RunObserver() {
        @Override
        public Signal evaluated(EvaluationRecord e) {
          Path copy = into.resolve(context.label().replace('/', '-') + "-" + e.envSteps());
          copyFolder(context.folder(), copy);
          TAKEN.add(copy);
          return Signal.CONTINUE;
        }
      };
    }
  }

  static void copyFolder(Path folder, Path to) {
    try (Stream<Path> files = Files.list(folder)) {
      Files.createDirectories(to);
      for (Path f : files.toList()) {
        if (Files.isDirectory(f)) {
          copyFolder(f, to.resolve(f.getFileName()));
        } else {
          Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void anInterruptedOfflineRunResumesToTheStraightRunsFiles() throws IOException {
    Path config = offlineConfig("resume", randomData);
    Path straight = dir.resolve("straight");
    Cli.Result r = Cli.run("run", config.toString(), "--out", straight.toString(), "--jobs", "2");
    assertThat(r.code()).as(r.err()).isZero();

    Path services = dir.resolve("services");
    Files.createDirectories(services.resolve("META-INF/services"));
    Files.writeString(services.resolve("META-INF/services/" + RunObserverProvider.class.getName()),
        Snapshots.class.getName() + "\n");
    Snapshots.into = dir.resolve("snapshots");
    Snapshots.TAKEN.clear();
    Plugins plugins = Plugins.load(new URLClassLoader(new URL[] {services.toUri().toURL()},
        getClass().getClassLoader()));
    ExperimentConfig experiment = new ExperimentValidator(plugins)
        .validate(new ConfigReader().read(config, List.of()).get(0), config.toString());
    RunExecutor executor = new RunExecutor(plugins, CodeVersion.detect(), Platform.current(), Clock.systemUTC(), 50);
    Path watched = dir.resolve("watched");
    ExperimentFolder.prepare(watched, experiment);
    for (String variant : List.of("xql", "cql")) {
      RunOutcome outcome = executor.execute(RunSpec.of(experiment, variant, 0, watched), RunProgress.SILENT);
      assertThat(outcome.finished()).as(outcome.error()).isTrue();
    }
    Map<String, Long> resumedFrom = new TreeMap<>();
    for (Path snapshot : Snapshots.TAKEN) {
      String name = snapshot.getFileName().toString();
      String variant = name.substring(0, name.indexOf('-'));
      RunSpec again = RunSpec.of(experiment, variant, 0, dir.resolve("resumed-" + name));
      copyFolder(snapshot, again.folder());
      Long at = Files.exists(again.folder().resolve(RunFiles.CHECKPOINT))
          ? RunCheckpoint.read(again.folder().resolve(RunFiles.CHECKPOINT)).position().gradientSteps() : null;
      RunOutcome outcome = new RunExecutor(Plugins.load(), CodeVersion.detect(), Platform.current(),
          Clock.systemUTC(), 50).execute(again, RunProgress.SILENT);
      assertThat(outcome.finished()).as(outcome.error()).isTrue();
      resumedFrom.put(name, at);
      Path expected = RunSpec.runFolder(straight, variant, 0);
      assertThat(ResumeTest.withoutWallClock(again.folder().resolve(RunFiles.EVALUATIONS)))
          .isEqualTo(ResumeTest.withoutWallClock(expected.resolve(RunFiles.EVALUATIONS)));
      assertThat(Files.readAllBytes(again.folder().resolve(RunFiles.AGENT))).as(name)
          .isEqualTo(Files.readAllBytes(expected.resolve(RunFiles.AGENT)));
    }
    assertThat(resumedFrom).containsEntry("xql-seed-0-100", null).containsEntry("xql-seed-0-200", 100L)
        .containsEntry("cql-seed-0-300", 200L);
  }

  @Test
  void badInputFailsInOneLine() throws IOException {
    Path acrobot = dir.resolve("acrobot.npz");
    assertThat(Cli.run("record", "--policy", "random", "--env", "Acrobot-v1", "--steps", "100", "--out",
        acrobot.toString()).code()).isZero();
    Path wide = dir.resolve("wide.npz");
    Dataset five = DatasetFileTestFiles.dataset(new int[] {5}, 100);
    DatasetFile.write(five, wide);
    Path missing = dir.resolve("missing.npz");
    assertBad(run(offlineConfig("missing", missing)), "variants.xql.agent.offline.dataset: dataset " + missing
        + ": no such file");
    assertBad(run(offlineConfig("acrobot", acrobot)), "variants.xql.agent.offline.dataset: dataset " + acrobot
        + " was recorded on Acrobot-v1; the experiment's env.id is CartPole-v1");
    assertBad(run(offlineConfig("wide", wide)), "variants.xql.agent.offline.dataset: dataset " + wide
        + " holds observations of shape [5]; CartPole-v1's have shape [4]");
    assertBad(run(offlineConfig("unset", randomData), "--set", "defaults.agent.offline.dataset="),
        "variants.xql.agent: offline.dataset is unset; offline-xql learns from a dataset");
    assertBad(run(offlineConfig("steps", randomData), "--set", "budget.envSteps=500"),
        "variants.xql.agent.type = \"offline-xql\" learns from a dataset; expected budget.gradientSteps (got budget"
            + " 500 env steps)");
    assertBad(run(offlineConfig("online", randomData), "--set", "variants.bc.agent.type=q-learning"),
        "variants.bc.agent.type = \"q-learning\" learns online, but budget.gradientSteps trains offline agents");
    assertBad(Cli.run("record", "--policy", "expert", "--env", "CartPole-v1", "--out", dir.resolve("x.npz").toString()),
        "--policy: unknown policy 'expert'; known: epsilon-greedy, medium-replay, random");
    assertBad(Cli.run("record", "--policy", "random", "--out", dir.resolve("x.npz").toString()),
        "--policy random needs --env (e.g. --env CartPole-v1)");
    assertBad(Cli.run("record", "--policy", "random", "--env", "CartPole-v9", "--out", dir.resolve("x.npz").toString()),
        "unknown environment 'CartPole-v9'; known: ");
    assertBad(Cli.run("record", "--policy", "medium-replay", "--run", dir.toString(), "--out",
        dir.resolve("x.npz").toString()), dir + ": not a run folder");
    assertBad(Cli.run("record", "--policy", "epsilon-greedy", "--run", behaviourRun.toString(), "--env", "Acrobot-v1",
        "--out", dir.resolve("x.npz").toString()), "--env Acrobot-v1 does not match the run's environment CartPole-v1");
    assertBad(Cli.run("dataset", missing.toString()), "dataset " + missing + ": no such file");
    assertThat(dir.resolve("x.npz")).doesNotExist();
  }

  private Cli.Result run(Path config, String... sets) {
    List<String> args = new ArrayList<>(List.of("run", config.toString(), "--out", dir.resolve("bad").toString()));
    args.addAll(List.of(sets));
    return Cli.run(args.toArray(String[]::new));
  }

  private static void assertBad(Cli.Result r, String message) {
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.errLines().get(0)).contains(message);
  }
}
