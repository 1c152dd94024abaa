package org.qprob.experiments.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qprob.agents.dataset.Dataset;
import org.qprob.agents.dataset.DatasetBuilder;
import org.qprob.agents.dataset.DatasetInfo;
import org.qprob.agents.random.RandomStream;
import org.qprob.api.agent.Transition;
import org.qprob.api.env.Box;
import org.qprob.api.env.Discrete;
import org.qprob.experiments.config.EnvConfig;

/**
 * The dataset file: what qprob writes it reads back exactly; the files {@code src/test/resources/datasets/
 * write_numpy_datasets.py} wrote with NumPy alone read as NumPy holds them; and every malformed file — including the
 * dtypes ND4J would abort the JVM on — fails with one line naming the file.
 */
class DatasetFileTest {
  static final Path NUMPY = Path.of("src", "test", "resources", "datasets");

  @TempDir
  Path dir;

  static Dataset random(int[] shape, int n, int actions, long seed, DatasetInfo info) {
    RandomStream rng = new RandomStream(seed);
    int width = 1;
    for (int d : shape) {
      width *= d;
    }
    DatasetBuilder b = new DatasetBuilder(shape);
    for (int i = 0; i < n; i++) {
      float[] s = new float[width];
      float[] s2 = new float[width];
      for (int k = 0; k < width; k++) {
        s[k] = (float) (rng.nextGaussian() * 3);
        s2[k] = shape.length == 0 ? rng.nextInt(16) : (float) rng.nextGaussian();
      }
      if (shape.length == 0) {
        s[0] = rng.nextInt(16);
      }
      b.add(new Transition(s, rng.nextInt(actions), rng.nextGaussian() * 1e3 + 1e-9, s2, i % 11 == 10, i % 13 == 12));
    }
    return b.build(info);
  }

  @Test
  void whatItWritesItReadsBackExactly() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("map_name", "4x4");
    options.put("is_slippery", false);
    Map<String, Object> policy = Map.of("epsilon", 0.1, "run", "results/x/dqn/seed-0", "note", "caf\u00e9 \u2713");
    List<Dataset> datasets = List.of(
        random(new int[] {4}, 1000, 2, 1, new DatasetInfo("CartPole-v1", Map.of(), "random", Map.of("steps", 1000), 3L)),
        random(new int[0], 300, 4, 2, new DatasetInfo("FrozenLake-v1", options, "epsilon-greedy", policy, null)),
        random(new int[] {3, 2, 2}, 50, 6, 3, new DatasetInfo("Grid-v0", null, null, null, -5L)));
    for (Dataset d : datasets) {
      Path file = dir.resolve(d.info().envId() + ".npz");
      DatasetFile.write(d, file);
      Dataset back = DatasetFile.read(file);
      assertThat(back.sameAs(d)).as(d.toString()).isTrue();
      assertThat(back.info()).isEqualTo(d.info());
    }
  }

  @Test
  void writesTheFlatLayoutAsNumpyEntries() throws IOException {
    Dataset d = random(new int[] {4}, 20, 2, 1, new DatasetInfo("CartPole-v1", Map.of(), "random", null, 0L));
    Path file = dir.resolve("d.npz");
    DatasetFile.write(d, file);
    Map<String, byte[]> entries = entries(file);
    assertThat(entries.keySet()).containsExactly("observations.npy", "actions.npy", "rewards.npy", "terminations.npy",
        "truncations.npy", "next_observations.npy", "metadata.npy");
    assertThat(header(entries.get("observations.npy"))).contains("'descr': '<f4'", "'fortran_order': False",
        "'shape': (20, 4)");
    assertThat(header(entries.get("actions.npy"))).contains("'descr': '<i8'", "'shape': (20,)");
    assertThat(header(entries.get("rewards.npy"))).contains("'descr': '<f8'");
    assertThat(header(entries.get("terminations.npy"))).contains("'descr': '|b1'");
    assertThat(header(entries.get("metadata.npy"))).contains("'descr': '|u1'");
    byte[] meta = entries.get("metadata.npy");
    NpyHeader h = NpyHeader.of("metadata", meta);
    assertThat(new String(meta, h.dataOffset(), meta.length - h.dataOffset(), StandardCharsets.US_ASCII))
        .isEqualTo("{\"format\":\"qprob-dataset\",\"version\":1,\"env_id\":\"CartPole-v1\",\"env_options\":{},"
            + "\"policy\":\"random\",\"policy_options\":{},\"seed\":0}");
  }

  @Test
  void readsTheDatasetsNumpyWrote() {
    float[] obs = {0.5f, -1.25f, 2.0f, 0.0f, 1.5f, 0.25f, -2.0f, 3.0f, 0.125f, 0.0f, 1.0f, -0.5f, 4.0f, -4.0f, 0.75f,
        0.375f, 2.5f, 1.0f, -1.5f, 0.0625f};
    float[] next = new float[20];
    for (int i = 0; i < 5; i++) {
      for (int k = 0; k < 4; k++) {
        next[i * 4 + k] = obs[(4 - i) * 4 + k] + 0.5f;
      }
    }
    for (String name : List.of("numpy-canonical.npz", "numpy-d4rl.npz")) {
      Dataset d = DatasetFile.read(NUMPY.resolve(name));
      assertThat(d.size()).as(name).isEqualTo(5);
      assertThat(d.observationShape()).containsExactly(4);
      assertThat(d.observations()).containsExactly(obs);
      assertThat(d.nextObservations()).containsExactly(next);
      assertThat(d.actions()).containsExactly(0, 1, 1, 0, 1);
      assertThat(d.rewards()).containsExactly(1.0, 0.5, -2.0, 0.0, 10.0);
      assertThat(d.terminations()).containsExactly(false, false, true, false, false);
      assertThat(d.truncations()).containsExactly(false, false, false, false, true);
      assertThat(d.info().envId()).isEqualTo("CartPole-v1");
      assertThat(d.episodeReturns()).containsExactly(-0.5, 10.0);
    }
    Dataset canonical = DatasetFile.read(NUMPY.resolve("numpy-canonical.npz"));
    assertThat(canonical.info()).isEqualTo(new DatasetInfo("CartPole-v1", Map.of(), "scripted",
        Map.of("note", "numpy"), 42L));
    Dataset d4rl = DatasetFile.read(NUMPY.resolve("numpy-d4rl.npz"));
    assertThat(d4rl.info()).isEqualTo(new DatasetInfo("CartPole-v1", Map.of(), "d4rl-style caf\u00e9", Map.of(),
        null));
  }

  @Test
  void aMalformedFileFailsInOneLineNamingIt() throws IOException {
    Path good = dir.resolve("good.npz");
    DatasetFile.write(random(new int[] {4}, 8, 2, 1, new DatasetInfo("CartPole-v1", null, "random", null, 0L)), good);
    assertThatThrownBy(() -> DatasetFile.read(dir.resolve("missing.npz")))
        .hasMessage("dataset " + dir.resolve("missing.npz") + ": no such file");
    Path text = Files.writeString(dir.resolve("text.npz"), "not a zip");
    assertThatThrownBy(() -> DatasetFile.read(text)).hasMessageStartingWith("dataset " + text + ": not an .npz file");

    assertBad(good, "rewards.npy", null, "no 'rewards' array; expected the arrays [observations, actions, rewards,"
        + " terminations, truncations, next_observations] and metadata, found");
    assertBad(good, "actions.npy", npy("<U3", false, "(8,)", new byte[8 * 12]),
        "actions has dtype '<U3'; expected one of [<f4, <f8, <f2, |b1, |u1, |i1, <i2, <i4, <i8] (little-endian"
            + " numbers or booleans)");
    assertBad(good, "observations.npy", npy(">f4", false, "(8, 4)", new byte[8 * 4 * 4]),
        "observations has dtype '>f4'; expected one of");
    assertBad(good, "observations.npy", npy("<f4", true, "(8, 4)", new byte[8 * 4 * 4]),
        "observations is stored in Fortran order; expected C order (write it with np.ascontiguousarray)");
    assertBad(good, "rewards.npy", npy("<f8", false, "(7,)", new byte[7 * 8]),
        "rewards has shape [7]; expected (8,), one per observation");
    assertBad(good, "next_observations.npy", npy("<f4", false, "(8, 3)", new byte[8 * 3 * 4]),
        "next_observations has shape [8, 3]; expected that of observations, [8, 4]");
    assertBad(good, "actions.npy", npy("<f4", false, "(8,)", new byte[8 * 4]),
        "actions has dtype FLOAT; expected integers (discrete actions)");
    byte[] two = new byte[8];
    two[3] = 2;
    assertBad(good, "terminations.npy", npy("|u1", false, "(8,)", two),
        "terminations[3] = 2 is invalid; expected a boolean");
    assertBad(good, "metadata.npy", npy("|u1", false, "(2,)", "{}".getBytes(StandardCharsets.US_ASCII)),
        "metadata has no env_id; expected e.g. {\"env_id\": \"CartPole-v1\"}");
    assertBad(good, "metadata.npy", npy("<f8", false, "(1,)", new byte[8]),
        "metadata has dtype '<f8' and shape [1]; expected JSON as uint8 bytes or one NumPy string (<U)");
    assertBad(good, "actions.npy", "not numpy".getBytes(StandardCharsets.US_ASCII),
        "actions is not a .npy array (no NumPy magic)");
  }

  @Test
  void aDatasetThatDoesNotFitTheEnvironmentFailsInOneLine() {
    Path file = Path.of("d.npz");
    Dataset d = random(new int[] {4}, 8, 2, 1, new DatasetInfo("CartPole-v1", Map.of("sutton_barto_reward", true),
        "random", null, 0L));
    Box box4 = new Box(new float[4], new float[] {1, 1, 1, 1});
    DatasetFit.check(file, d, new EnvConfig("CartPole-v1", Map.of("sutton_barto_reward", true)), box4, new Discrete(2));
    assertThatThrownBy(() -> DatasetFit.check(file, d, new EnvConfig("Acrobot-v1",
        Map.of("sutton_barto_reward", true)), box4, new Discrete(3)))
        .hasMessage("dataset d.npz was recorded on CartPole-v1; the experiment's env.id is Acrobot-v1");
    assertThatThrownBy(() -> DatasetFit.check(file, d, new EnvConfig("CartPole-v1", Map.of()), box4, new Discrete(2)))
        .hasMessage("dataset d.npz was recorded with env options {\"sutton_barto_reward\":true}; the experiment's"
            + " env.options are {}");
    assertThatThrownBy(() -> DatasetFit.check(file, d, new EnvConfig("CartPole-v1",
        Map.of("sutton_barto_reward", true)), new Box(new float[6], new float[6]), new Discrete(2)))
        .hasMessage("dataset d.npz holds observations of shape [4]; CartPole-v1's have shape [6]");
    assertThatThrownBy(() -> DatasetFit.check(file, d, new EnvConfig("CartPole-v1",
        Map.of("sutton_barto_reward", true)), box4, new Discrete(1)))
        .hasMessage("dataset d.npz holds action 1; CartPole-v1 has 1 actions (0..0)");
    Dataset numbers = random(new int[] {4}, 8, 2, 1, new DatasetInfo("CartPole-v1", Map.of("x", 1), "r", null, 0L));
    DatasetFit.check(file, numbers, new EnvConfig("CartPole-v1", Map.of("x", 1.0)), box4, new Discrete(2));
  }

  private void assertBad(Path good, String entry, byte[] replacement, String message) throws IOException {
    Path bad = dir.resolve("bad-" + entry.replace(".npy", "") + "-" + (replacement == null ? 0 : replacement.length)
        + ".npz");
    Map<String, byte[]> entries = entries(good);
    if (replacement == null) {
      entries.remove(entry);
    } else {
      entries.put(entry, replacement);
    }
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bad))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    assertThatThrownBy(() -> DatasetFile.read(bad)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("dataset " + bad + ": " + message)
        .hasMessageNotContaining("\n");
  }

  /** A version-1 .npy entry with this header and data (the header padded to 64 bytes, as NumPy pads it). */
  static byte[] npy(String descr, boolean fortran, String shape, byte[] data) {
    String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': "
        + shape + ", }";
    int total = 10 + dict.length() + 1;
    int pad = (64 - total % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x93);
    out.writeBytes("NUMPY".getBytes(StandardCharsets.US_ASCII));
    out.write(1);
    out.write(0);
    out.write(header.length() & 0xff);
    out.write(header.length() >> 8);
    out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(data);
    return out.toByteArray();
  }

  static Map<String, byte[]> entries(Path file) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      List<ZipEntry> list = new ArrayList<>();
      for (Enumeration<? extends ZipEntry> it = zip.entries(); it.hasMoreElements(); ) {
        list.add(it.nextElement());
      }
      for (ZipEntry e : list) {
        try (InputStream in = zip.getInputStream(e)) {
          out.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return out;
  }

  private static String header(byte[] npy) {
    NpyHeader h = NpyHeader.of("x", npy);
    return new String(npy, 0, h.dataOffset(), StandardCharsets.ISO_8859_1);
  }
}
