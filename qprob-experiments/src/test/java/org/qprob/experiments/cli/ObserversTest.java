package org.qprob.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qprob.experiments.observe.TensorBoardLog;
import org.qprob.tensorboard.Event;
import org.qprob.tensorboard.EventFileReader;
import org.qprob.tensorboard.EventFileWriter;
import org.qprob.tensorboard.SummaryValue;

/**
 * What a run's observers write besides its CSV files: the TensorBoard event file holds, for every training episode and
 * evaluation, the values of {@code episodes.csv} and {@code eval.csv} under CleanRL's tags, plus the config as text and
 * hyper-parameters; {@code logging.tensorboard: false} writes none; and an observer from another jar
 * ({@code qprob-example-plugin}'s {@code episode-tally}) hears every event of the run.
 */
class ObserversTest {
  @TempDir
  Path dir;

  private static final String CONFIG = """
      name: observers
      env: {id: CartPole-v1}
      seeds: [5]
      budget: {envSteps: 900}
      evaluation: {everyEnvSteps: 400, episodes: 2}
      defaults:
        agent:
          network: {hidden: [16]}
          exploration: {kind: epsilon-greedy, start: 1.0, end: 0.1, schedule: linear, unit: step, decaySteps: 500}
        loss: {name: gumbel-kl}
      """;

  /** Each value of {@code tag} in the event file, as {@code step value} with the value as the file's float. */
  private static List<String> scalars(List<Event> events, String tag) {
    List<String> out = new ArrayList<>();
    for (Event e : events) {
      for (SummaryValue v : e.values()) {
        if (v.tag().equals(tag)) {
          out.add(e.step() + " " + (float) v.simpleValue().orElseThrow());
        }
      }
    }
    return out;
  }

  private static List<String> column(Path csv, int stepColumn, int valueColumn) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      out.add(f[stepColumn] + " " + (float) Double.parseDouble(f[valueColumn]));
    }
    return out;
  }

  @Test
  void theTensorBoardFileHoldsTheLoggedValuesAndThePluginObserverHearsTheRun() throws IOException {
    Path config = Files.writeString(dir.resolve("observers.yaml"), CONFIG);
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("run", config.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Path run = out.resolve("default").resolve("seed-5");

    Path file = EventFileWriter.find(run.resolve(TensorBoardLog.FOLDER)).orElseThrow();
    assertThat(file.getFileName().toString()).startsWith("events.out.tfevents.");
    List<Event> events = EventFileReader.read(file);
    assertThat(events.get(0).isHeader()).isTrue();
    assertThat(scalars(events, "charts/episodic_return")).isEqualTo(column(run.resolve("episodes.csv"), 1, 2));
    assertThat(scalars(events, "charts/episodic_length")).isEqualTo(column(run.resolve("episodes.csv"), 1, 3));
    assertThat(scalars(events, "charts/epsilon")).isEqualTo(column(run.resolve("episodes.csv"), 1, 4));
    List<String> losses = column(run.resolve("episodes.csv"), 1, 5).stream().filter(l -> !l.endsWith("NaN")).toList();
    assertThat(scalars(events, "losses/td_loss")).isEqualTo(losses).isNotEmpty();
    assertThat(scalars(events, "gumbel/beta")).hasSameSizeAs(losses);
    assertThat(scalars(events, "eval/mean_return")).isEqualTo(column(run.resolve("eval.csv"), 0, 3))
        .hasSize(3);
    assertThat(events).anySatisfy(e -> assertThat(e.values()).anySatisfy(v -> {
      assertThat(v.tag()).isEqualTo("config");
      assertThat(v.text()).contains("gumbel-kl").contains("CartPole-v1");
    }));
    assertThat(events).anySatisfy(e -> assertThat(e.hasTag(EventFileWriter.SESSION_START_TAG)).isTrue());
    assertThat(events).anySatisfy(e -> assertThat(e.hasTag(EventFileWriter.SESSION_END_TAG)).isTrue());

    int episodes = Files.readAllLines(run.resolve("episodes.csv")).size() - 1;
    assertThat(Files.readAllLines(run.resolve("episode-tally.txt"))).containsExactly("episodes " + episodes,
        "gradient steps " + (900 - 64), "evaluations 3",
        "best return " + column(run.resolve("episodes.csv"), 1, 2).stream()
            .mapToDouble(l -> Double.parseDouble(l.split(" ")[1])).max().orElseThrow(), "finished");
  }

  @Test
  void noTensorBoardFileWhenTheConfigTurnsItOff() throws IOException {
    Path config = Files.writeString(dir.resolve("observers.yaml"), CONFIG + "logging: {tensorboard: false}\n");
    Cli.Result r = Cli.run("run", config.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.code()).as(r.err()).isZero();
    Path run = dir.resolve("out").resolve("default").resolve("seed-5");
    assertThat(run.resolve("episodes.csv")).exists();
    assertThat(run.resolve(TensorBoardLog.FOLDER)).doesNotExist();
  }
}
