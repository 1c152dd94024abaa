package org.qprob.experiments.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.config.ConfigMapper;
import org.qprob.experiments.config.ExperimentConfig;

/**
 * The results folder of one experiment: {@code experiment.yaml} (the resolved config), one folder per run
 * ({@code <variant>/seed-<seed>/}), and the report files. A folder is used only if it is new, empty, or holds the
 * same experiment (then finished and diverged runs are kept and the others continue from their last checkpoints:
 * an interrupted sweep resumes).
 */
public final class ExperimentFolder {
  /** The resolved experiment config. */
  public static final String CONFIG = "experiment.yaml";

  private ExperimentFolder() {}

  /** The text of {@code experiment.yaml} for {@code experiment}. */
  public static String configText(ExperimentConfig experiment) {
    try {
      return ConfigMapper.strictYaml().writeValueAsString(experiment);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write experiment " + experiment.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks {@code dir} can take {@code experiment}'s results, creates it and writes {@code experiment.yaml} (unless it
   * holds it already: {@link #check} made sure it is the same); a folder
   * that is a file, holds something else, or holds another config of the experiment is a {@link ConfigException}.
   */
  public static void prepare(Path dir, ExperimentConfig experiment) {
    check(dir, experiment);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ConfigException(dir + ": cannot create the results folder: " + e, e);
    }
    if (!Files.isRegularFile(dir.resolve(CONFIG))) {
      AtomicFiles.writeString(dir.resolve(CONFIG), configText(experiment));
    }
  }

  /**
   * Checks, writing nothing, that {@code dir} can take {@code experiment}'s results: it is new, empty, or holds this
   * experiment's {@code experiment.yaml}; else a {@link ConfigException}.
   */
  public static void check(Path dir, ExperimentConfig experiment) {
    String text = configText(experiment);
    Path config = dir.resolve(CONFIG);
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new ConfigException(dir + ": is a file; expected a folder for the results (--out)");
      }
      if (Files.isDirectory(dir)) {
        if (Files.isRegularFile(config)) {
          if (!Files.readString(config, StandardCharsets.UTF_8).equals(text)) {
            throw new ConfigException(dir + ": holds results of a different config (its " + CONFIG
                + " differs); expected a new folder: choose another --out or remove this one");
          }
        } else if (!isEmpty(dir)) {
          throw new ConfigException(dir + ": is not empty and holds no " + CONFIG
              + "; expected a new or empty folder, or an earlier results folder of this experiment");
        }
      }
    } catch (IOException e) {
      throw new ConfigException(dir + ": cannot read the results folder: " + e, e);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }
}
