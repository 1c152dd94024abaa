package org.qprob.experiments.observe;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.qprob.api.run.EpisodeRecord;
import org.qprob.api.run.EvaluationRecord;
import org.qprob.api.run.RunObserver;
import org.qprob.api.run.Signal;
import org.qprob.api.run.TrainingPosition;
import org.qprob.experiments.config.ConfigMapper;
import org.qprob.experiments.run.RunSpec;
import org.qprob.tensorboard.EventFileWriter;
import org.qprob.tensorboard.HyperParameters;
import org.qprob.tensorboard.SessionStatus;

/**
 * The run's TensorBoard event file in {@code <run folder>/tensorboard} ({@code logging.tensorboard}, default on),
 * with CleanRL's metric names at each training episode's end, at its env step: {@code charts/episodic_return},
 * {@code charts/episodic_length}, {@code charts/epsilon} (the exploration parameter: epsilon, or the Boltzmann
 * temperature), {@code charts/SPS} (env steps per wall-clock second since the run started), {@code losses/td_loss}
 * (the episode's mean loss) and {@code gumbel/beta} (its mean predicted scale) where the episode took gradient steps;
 * {@code eval/mean_return} at each evaluation. At step 0: the run's resolved config as text ({@code config}) and its
 * variant config, flattened to dotted keys, as hyper-parameters of TensorBoard's HParams plugin, with
 * {@code charts/episodic_return} and {@code eval/mean_return} as its metrics.
 *
 * <p>A fresh run replaces any event file in the folder. A resumed run continues the file from the checkpoint's env
 * step ({@link EventFileWriter#resume}): the records of the steps after it, which the resumed run logs again, are
 * dropped, so each step is in the file once (if the file itself was lost, the resumed run starts a new one, without
 * the steps before the checkpoint and the config text, but with the hyper-parameters). The writer is flushed at every checkpoint, before the checkpoint is
 * written, so what the checkpoint covers is in the file.
 */
public final class TensorBoardLog implements RunObserver {
  /** The folder of the event file inside a run's folder. */
  public static final String FOLDER = "tensorboard";
  /** The HParams plugin's metrics. */
  static final List<String> METRICS = List.of("charts/episodic_return", "eval/mean_return");

  private final EventFileWriter writer;
  private final long lastStep;

  private TensorBoardLog(EventFileWriter writer, long lastStep) {
    this.writer = writer;
    this.lastStep = lastStep;
  }

  /** The run's TensorBoard log, or an observer that writes nothing when {@code logging.tensorboard} is off. */
  public static RunObserver open(RunSpec spec, String configYaml, Optional<TrainingPosition> resumedFrom) {
    if (!spec.logging().tensorboard()) {
      return new RunObserver() {};
    }
    Path folder = spec.folder().resolve(FOLDER);
    try {
      if (resumedFrom.isPresent()) {
        long step = resumedFrom.get().envSteps();
        EventFileWriter writer = EventFileWriter.resume(folder, step);
        if (!writer.hasHyperParameters()) {
          // the file was lost or cut before its header's end: its steps up to the checkpoint are gone for good
          writer.hyperParameters(HyperParameters.of(hyperParameters(spec), METRICS));
        }
        return new TensorBoardLog(writer, step);
      }
      Files.createDirectories(folder);
      Optional<Path> earlier = EventFileWriter.find(folder);
      if (earlier.isPresent()) {
        Files.delete(earlier.get());
      }
      EventFileWriter writer = EventFileWriter.create(folder);
      header(writer, spec, configYaml);
      return new TensorBoardLog(writer, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the TensorBoard log in " + folder + ": " + e.getMessage(), e);
    }
  }

  private static void header(EventFileWriter writer, RunSpec spec, String configYaml) throws IOException {
    writer.text("config", 0, "```yaml\n" + configYaml + "```");
    writer.hyperParameters(HyperParameters.of(hyperParameters(spec), METRICS));
  }

  /** The variant's config as dotted keys to numbers, strings and booleans ({@code agent.gamma}, {@code loss.name}). */
  static Map<String, Object> hyperParameters(RunSpec spec) {
    Map<String, Object> out = new TreeMap<>();
    flatten("", ConfigMapper.json().valueToTree(spec.config()), out);
    out.put("env.id", spec.env().id());
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, Object> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (node.isNumber()) {
      out.put(prefix, node.doubleValue());
    } else if (node.isBoolean()) {
      out.put(prefix, node.booleanValue());
    } else if (!node.isNull()) {
      out.put(prefix, node.isTextual() ? node.textValue() : node.toString());
    }
  }

  @Override
  public Signal episodeEnded(EpisodeRecord e) {
    long step = e.envSteps();
    scalar("charts/episodic_return", step, e.episodeReturn());
    scalar("charts/episodic_length", step, e.length());
    scalar("charts/epsilon", step, e.explorationParameter());
    scalar("charts/SPS", step, e.wallSeconds() > 0 ? step / e.wallSeconds() : Double.NaN);
    scalar("losses/td_loss", step, e.meanLoss());
    scalar("gumbel/beta", step, e.meanBeta());
    return Signal.CONTINUE;
  }

  @Override
  public Signal evaluated(EvaluationRecord evaluation) {
    scalar("eval/mean_return", evaluation.envSteps(), evaluation.meanReturn());
    return Signal.CONTINUE;
  }

  @Override
  public void checkpointing(TrainingPosition position, boolean trainingDone) {
    try {
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush the TensorBoard log " + writer.file() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void completed(boolean finished) {
    try {
      writer.sessionEnd(finished ? SessionStatus.SUCCESS : SessionStatus.FAILURE);
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot end the TensorBoard log " + writer.file() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the TensorBoard log " + writer.file() + ": " + e.getMessage(), e);
    }
  }

  /** Writes a finite value (NaN: nothing happened to measure) at a step after the resumed one. */
  private void scalar(String tag, long step, double value) {
    if (!Double.isFinite(value) || step <= lastStep) {
      return;
    }
    try {
      writer.scalar(tag, step, value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the TensorBoard log " + writer.file() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "TensorBoardLog(" + writer.file() + ")";
  }
}
