package org.qprob.experiments.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qprob.agents.training.Episode;

/** The saved training episodes come back exactly, and only for the checkpoint they were saved at. */
class RunCalibrationStateTest {
  @TempDir
  Path dir;

  @Test
  void savedEpisodesComeBackForTheirCheckpointOnly() throws IOException {
    List<Episode> episodes = List.of(
        new Episode(List.of(new float[] {1.5f, -2}, new float[] {0.25f, 3}), new int[] {1, 0}, new double[] {0.1, -7},
            true),
        new Episode(List.of(new float[] {9, 9}), new int[] {2}, new double[] {Math.PI}, false));
    Path file = dir.resolve("state.bin");
    Files.write(file, RunCalibration.stateBytes(1234, episodes));
    List<Episode> back = RunCalibration.readState(file, 1234);
    assertThat(back).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(back.get(i).length()).isEqualTo(episodes.get(i).length());
      for (int t = 0; t < back.get(i).length(); t++) {
        assertThat(back.get(i).observations().get(t)).containsExactly(episodes.get(i).observations().get(t));
      }
      assertThat(back.get(i).actions()).containsExactly(episodes.get(i).actions());
      assertThat(back.get(i).rewards()).containsExactly(episodes.get(i).rewards());
      assertThat(back.get(i).terminated()).isEqualTo(episodes.get(i).terminated());
    }
    assertThat(RunCalibration.readState(file, 1235)).as("another checkpoint").isEmpty();
    assertThat(RunCalibration.readState(dir.resolve("missing.bin"), 1234)).isEmpty();
    byte[] corrupt = Files.readAllBytes(file);
    corrupt[30] ^= 1;
    Files.write(file, corrupt);
    assertThat(RunCalibration.readState(file, 1234)).as("checksum").isEmpty();
    Files.write(file, new byte[] {1, 2, 3});
    assertThat(RunCalibration.readState(file, 1234)).isEmpty();
  }
}
