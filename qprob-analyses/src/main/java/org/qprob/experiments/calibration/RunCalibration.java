package org.qprob.experiments.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.qprob.agents.random.Seeds;
import org.qprob.agents.training.Episode;
import org.qprob.agents.training.EpisodeRecorder;
import org.qprob.api.agent.Agent;
import org.qprob.api.agent.ValuePredictor;
import org.qprob.api.run.EvaluationRecord;
import org.qprob.api.run.RunContext;
import org.qprob.api.run.RunObserver;
import org.qprob.api.run.RunObserverProvider;
import org.qprob.api.run.Signal;
import org.qprob.api.run.TrainingPosition;
import org.qprob.experiments.config.ConfigMapper;
import org.qprob.experiments.run.AtomicFiles;
import org.qprob.experiments.run.CsvLog;
import org.qprob.experiments.run.RunFiles;
import org.qprob.experiments.run.RunSpec;

/**
 * A run's calibration file, {@code calibration.csv}: after every greedy evaluation, the {@link Calibrator}'s rows.
 * Active when the agent is a {@link ValuePredictor} and the run evaluates; otherwise every method does nothing and
 * no file is written.
 *
 * <p>Crash safety as for the other logs: rows go to {@code calibration.csv.partial} (rewritten atomically at each
 * evaluation) and {@link #complete()} gives it its final name. At each run checkpoint the training episodes the
 * Gaussian spread is fitted on are saved to {@code calibration-state.bin}, tagged with the checkpoint's env steps; a
 * run resumed from a checkpoint keeps the rows of evaluations up to the checkpoint's env steps (later ones are redone)
 * and restores those episodes if the tag matches, so it writes what the uninterrupted run would have. If the state
 * file is missing or from another moment, the first Gaussian rows after the resume are fitted on the training
 * episodes finished since.
 */
public final class RunCalibration implements RunObserver {
  private static final int STATE_MAGIC = 0x51434c42; // "QCLB"
  private static final int STATE_VERSION = 1;

  private final Path file;
  private final Path state;
  private final Calibrator calibrator;
  private final EpisodeRecorder training;

  private RunCalibration(Path folder, Calibrator calibrator, EpisodeRecorder training) {
    this.file = folder.resolve(RunFiles.CALIBRATION);
    this.state = folder.resolve(RunFiles.CALIBRATION_STATE);
    this.calibrator = calibrator;
    this.training = training;
  }

  /**
   * The calibration of the run {@code spec}, reading the episodes its two environments record: a fresh file, or, when
   * {@code resumedFrom} is not empty, the file continued from that checkpoint position. Agents that do not predict
   * values, and runs without evaluations, get an observer that writes nothing.
   */
  public static RunCalibration start(RunSpec spec, EpisodeRecorder training, EpisodeRecorder evaluation, Agent agent,
      Optional<TrainingPosition> resumedFrom) {
    Path folder = spec.folder();
    if (!(agent instanceof ValuePredictor predictor) || !spec.evaluation().enabled()) {
      return new RunCalibration(folder, null, null);
    }
    Calibrator calibrator = new Calibrator(predictor, spec.config().agent().gamma(), training, evaluation,
        Seeds.derive(spec.seed(), "calibration"));
    RunCalibration c = new RunCalibration(folder, calibrator, training);
    resumedFrom.ifPresentOrElse(p -> c.resume(p.envSteps()), c::fresh);
    return c;
  }

  /** Whether this run writes calibration rows. */
  public boolean active() {
    return calibrator != null;
  }

  private Path partial() {
    return CsvLog.partialOf(file);
  }

  private void fresh() {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(state);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove an earlier " + file + ": " + e.getMessage(), e);
    }
    AtomicFiles.writeString(partial(), header());
  }

  private static String header() {
    return String.join(",", CalibrationRow.COLUMNS) + "\n";
  }

  /** Keeps the rows up to {@code envSteps} and restores the saved training episodes if they are from that moment. */
  private void resume(long envSteps) {
    StringBuilder kept = new StringBuilder(header());
    try {
      Path from = Files.isRegularFile(partial()) ? partial() : Files.isRegularFile(file) ? file : null;
      if (from != null) {
        List<String> lines = Files.readAllLines(from, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.get(0).equals(String.join(",", CalibrationRow.COLUMNS))) {
          for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length == CalibrationRow.COLUMNS.size() && f[0].matches("\\d+") && Long.parseLong(f[0]) <= envSteps) {
              kept.append(line).append('\n');
            }
          }
        }
      }
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resume " + file + ": " + e.getMessage(), e);
    }
    AtomicFiles.writeString(partial(), kept.toString());
    training.restore(readState(state, envSteps));
  }

  /** Calibrates the evaluation that just ran and appends its rows. */
  @Override
  public Signal evaluated(EvaluationRecord evaluation) {
    evaluated(evaluation.envSteps());
    return Signal.CONTINUE;
  }

  /** Saves the state for a resume from a checkpoint during training (the one written when training ends needs none). */
  @Override
  public void checkpointing(TrainingPosition position, boolean trainingDone) {
    if (!trainingDone) {
      checkpointed(position);
    }
  }

  @Override
  public void completed(boolean finished) {
    complete();
  }

  /** Calibrates the evaluation that just ran, after {@code envSteps} training steps, and appends its rows. */
  void evaluated(long envSteps) {
    if (calibrator == null) {
      return;
    }
    StringBuilder rows = new StringBuilder();
    for (CalibrationRow r : calibrator.evaluate(envSteps)) {
      rows.append(String.join(",", r.fields())).append('\n');
    }
    try {
      String before = Files.readString(partial(), StandardCharsets.UTF_8);
      AtomicFiles.writeString(partial(), before + rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + partial() + ": " + e.getMessage(), e);
    }
  }

  /** Saves what a run resumed from a checkpoint at {@code position} needs; call it before the checkpoint is written. */
  void checkpointed(TrainingPosition position) {
    if (calibrator == null) {
      return;
    }
    AtomicFiles.write(state, stateBytes(position.envSteps(), training.finished()));
  }

  /** Gives the file its final name and removes the saved state. */
  void complete() {
    if (calibrator == null) {
      return;
    }
    try {
      AtomicFiles.moveAtomically(partial(), file);
      Files.deleteIfExists(state);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot complete " + file + ": " + e.getMessage(), e);
    }
  }

  /** The bytes of the state file: magic, version, env steps, the episodes, a CRC-32 of what precedes it. */
  static byte[] stateBytes(long envSteps, List<Episode> episodes) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(STATE_MAGIC);
      out.writeInt(STATE_VERSION);
      out.writeLong(envSteps);
      out.writeInt(episodes.size());
      for (Episode e : episodes) {
        out.writeBoolean(e.terminated());
        out.writeInt(e.length());
        for (int t = 0; t < e.length(); t++) {
          float[] o = e.observations().get(t);
          out.writeInt(o.length);
          for (float v : o) {
            out.writeFloat(v);
          }
          out.writeInt(e.actions()[t]);
          out.writeDouble(e.rewards()[t]);
        }
      }
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.writeLong(crc.getValue());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The episodes saved in {@code file} at {@code envSteps}; empty if it is missing, corrupt or from another moment. */
  static List<Episode> readState(Path file, long envSteps) {
    try {
      if (!Files.isRegularFile(file)) {
        return List.of();
      }
      byte[] all = Files.readAllBytes(file);
      if (all.length < 8) {
        return List.of();
      }
      CRC32 crc = new CRC32();
      crc.update(all, 0, all.length - 8);
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(all));
      if (in.readInt() != STATE_MAGIC || in.readInt() != STATE_VERSION || in.readLong() != envSteps) {
        return List.of();
      }
      int count = in.readInt();
      if (count < 0 || count > all.length) {
        return List.of();
      }
      List<Episode> episodes = new ArrayList<>(Math.max(0, Math.min(count, 10_000)));
      for (int k = 0; k < count; k++) {
        boolean terminated = in.readBoolean();
        int length = in.readInt();
        if (length < 0 || length > all.length) {
          return List.of();
        }
        List<float[]> obs = new ArrayList<>(Math.max(0, Math.min(length, 100_000)));
        int[] actions = new int[length];
        double[] rewards = new double[length];
        for (int t = 0; t < length; t++) {
          int width = in.readInt();
          if (width < 0 || width > all.length) {
            return List.of();
          }
          float[] o = new float[width];
          for (int j = 0; j < o.length; j++) {
            o[j] = in.readFloat();
          }
          obs.add(o);
          actions[t] = in.readInt();
          rewards[t] = in.readDouble();
        }
        episodes.add(new Episode(obs, actions, rewards, terminated));
      }
      return in.readLong() == crc.getValue() ? episodes : List.of();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  @Override
  public String toString() {
    return "RunCalibration(" + file + (calibrator == null ? ", inactive" : ", " + calibrator) + ")";
  }

  /**
   * Registers the calibration as an observer of every run ({@code calibration}): it needs the runner's recorded
   * environments ({@link EpisodeRecorder}, keeping at least {@value Calibrator#FIT_EPISODES} training episodes).
   */
  public static final class Provider implements RunObserverProvider {
    @Override
    public String name() {
      return "calibration";
    }

    @Override
    public String description() {
      return "agents that predict values: their predictions against the realised returns at each evaluation, "
          + "calibration.csv";
    }

    @Override
    public RunObserver open(RunContext context) {
      RunSpec spec;
      try {
        spec = ConfigMapper.strictYaml().readValue(context.configYaml(), RunSpec.class);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException("cannot read the config of " + context.label() + ": " + e.getMessage(), e);
      }
      if (!(context.trainingEnvironment() instanceof EpisodeRecorder training)
          || !(context.evaluationEnvironment() instanceof EpisodeRecorder evaluation)
          || training.capacity() < Calibrator.FIT_EPISODES) {
        throw new IllegalStateException("calibration: the run's environments are not recorded (keeping at least "
            + Calibrator.FIT_EPISODES + " training episodes); the runner records them");
      }
      return start(spec, training, evaluation, context.agent(), context.resumedFrom());
    }
  }
}
