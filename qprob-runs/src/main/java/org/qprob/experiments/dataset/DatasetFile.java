package org.qprob.experiments.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.qprob.agents.dataset.Dataset;
import org.qprob.agents.dataset.DatasetInfo;
import org.qprob.experiments.config.ConfigException;
import org.qprob.experiments.run.AtomicFiles;

/**
 * A {@link Dataset} as a NumPy {@code .npz} file (a zip of {@code .npy} entries, as {@code np.savez_compressed}
 * writes), in the flat layout D4RL and Minari use, which {@code np.load} opens with NumPy alone:
 * <ul>
 *   <li>{@code observations}, {@code next_observations}: float32, shape {@code (n, *observation_shape)}
 *       ({@code (n,)} for a discrete observation space: the state index);</li>
 *   <li>{@code actions}: int64, {@code (n,)}; {@code rewards}: float64, {@code (n,)};</li>
 *   <li>{@code terminations}, {@code truncations}: bool, {@code (n,)};</li>
 *   <li>{@code metadata}: the JSON object {@code {"format": "qprob-dataset", "version": 1, "env_id", "env_options",
 *       "policy", "policy_options", "seed"}} as uint8 bytes (ASCII): {@code json.loads(d["metadata"].tobytes())}.</li>
 * </ul>
 * Reading accepts files made elsewhere: entries deflated or stored; float16/32/64 or integer observations; any signed
 * integer (or uint8) actions; float or integer rewards; boolean or 0/1 integer flags; D4RL's names {@code terminals}
 * and {@code timeouts} for the flags; actions and rewards of shape {@code (n, 1)}; metadata as uint8 JSON bytes or a
 * NumPy string ({@code np.savez(..., metadata=json.dumps(meta))}), of which only {@code env_id} is required; other
 * entries are ignored. The numbers go through ND4J's NumPy reader and writer; each entry's header is checked first,
 * since ND4J aborts on dtypes it does not know. Every problem fails with one line naming the file.
 */
public final class DatasetFile {
  /** The format name in the metadata. */
  public static final String FORMAT = "qprob-dataset";
  /** The arrays every dataset holds, in the order written. */
  public static final List<String> ARRAYS = List.of("observations", "actions", "rewards", "terminations",
      "truncations", "next_observations");
  private static final Map<String, String> ALIASES = Map.of("terminations", "terminals", "truncations", "timeouts");
  private static final String METADATA = "metadata";

  /** Every entry's time, fixed so that the same dataset is the same bytes. */
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
  private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private DatasetFile() {
  }

  /**
   * Writes {@code data} to {@code file} atomically (a temporary file in its folder, renamed over it); the same data
   * gives the same bytes.
   */
  public static void write(Dataset data, Path file) {
    int n = data.size();
    if (n == 0) {
      throw new IllegalArgumentException("dataset " + file + ": nothing to write (no transitions)");
    }
    long[] shape = new long[data.observationShape().length + 1];
    shape[0] = n;
    for (int i = 0; i < data.observationShape().length; i++) {
      shape[i + 1] = data.observationShape()[i];
    }
    Map<String, INDArray> arrays = new LinkedHashMap<>();
    arrays.put("observations", Nd4j.createFromArray(data.observations()).reshape('c', shape));
    arrays.put("actions", Nd4j.createFromArray(Arrays.stream(data.actions()).asLongStream().toArray()));
    arrays.put("rewards", Nd4j.createFromArray(data.rewards()));
    arrays.put("terminations", Nd4j.createFromArray(data.terminations()));
    arrays.put("truncations", Nd4j.createFromArray(data.truncations()));
    arrays.put("next_observations", Nd4j.createFromArray(data.nextObservations()).reshape('c', shape));
    arrays.put(METADATA, Nd4j.createFromArray(metadata(data.info())).castTo(DataType.UBYTE));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(Nd4j.toNpyByteArray(e.getValue()));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot write dataset " + file + ": " + e.getMessage(), e);
    }
    Path parent = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new IllegalArgumentException("dataset " + file + ": cannot create its folder: " + e.getMessage(), e);
    }
    AtomicFiles.write(file, bytes.toByteArray());
  }

  /** The metadata's JSON bytes (ASCII: every other character escaped). */
  static byte[] metadata(DatasetInfo info) {
    ObjectNode m = JSON.createObjectNode();
    m.put("format", FORMAT);
    m.put("version", 1);
    m.put("env_id", info.envId());
    m.set("env_options", JSON.valueToTree(info.envOptions()));
    m.put("policy", info.policy());
    m.set("policy_options", JSON.valueToTree(info.policyOptions()));
    if (info.seed() == null) {
      m.putNull("seed");
    } else {
      m.put("seed", info.seed());
    }
    try {
      return JSON.writeValueAsBytes(m);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write the dataset's metadata: " + e.getMessage(), e);
    }
  }

  /** Reads a dataset; fails with one line naming {@code file} if it is missing or not one. */
  public static Dataset read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("dataset " + file + ": no such file");
    }
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (Enumeration<? extends ZipEntry> it = zip.entries(); it.hasMoreElements(); ) {
        ZipEntry e = it.nextElement();
        if (!e.isDirectory() && e.getName().endsWith(".npy")) {
          try (InputStream in = zip.getInputStream(e)) {
            entries.put(e.getName().substring(0, e.getName().length() - 4), in.readAllBytes());
          }
        }
      }
    } catch (ZipException e) {
      throw new IllegalArgumentException("dataset " + file + ": not an .npz file (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("dataset " + file + ": cannot read it: " + e.getMessage(), e);
    }
    try {
      return parse(entries);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("dataset " + file + ": " + e.getMessage(), e);
    }
  }

  private static Dataset parse(Map<String, byte[]> entries) {
    DatasetInfo info = info(required(entries, METADATA));
    INDArray observations = numeric("observations", required(entries, "observations"));
    long[] shape = observations.shape();
    if (shape.length < 1 || shape[0] < 1) {
      throw new IllegalArgumentException("observations has shape " + Arrays.toString(shape)
          + "; expected (n, *observation_shape) with n >= 1");
    }
    int n = Math.toIntExact(shape[0]);
    int[] observationShape = new int[shape.length - 1];
    for (int i = 1; i < shape.length; i++) {
      observationShape[i - 1] = Math.toIntExact(shape[i]);
    }
    INDArray next = numeric("next_observations", required(entries, "next_observations"));
    if (!Arrays.equals(next.shape(), shape)) {
      throw new IllegalArgumentException("next_observations has shape " + Arrays.toString(next.shape())
          + "; expected that of observations, " + Arrays.toString(shape));
    }
    INDArray actions = numeric("actions", required(entries, "actions"));
    if (actions.dataType().isFPType() || actions.dataType() == DataType.BOOL) {
      throw new IllegalArgumentException("actions has dtype " + actions.dataType() + "; expected integers (discrete"
          + " actions)");
    }
    long[] actionValues = column("actions", actions, n).castTo(DataType.LONG).data().asLong();
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      if (actionValues[i] < 0 || actionValues[i] > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("actions[" + i + "] = " + actionValues[i] + " is invalid; expected an"
            + " action >= 0");
      }
      a[i] = (int) actionValues[i];
    }
    INDArray rewards = numeric("rewards", required(entries, "rewards"));
    if (rewards.dataType() == DataType.BOOL) {
      throw new IllegalArgumentException("rewards has dtype BOOL; expected numbers");
    }
    return new Dataset(info, observationShape, floats(observations), a,
        column("rewards", rewards, n).castTo(DataType.DOUBLE).data().asDouble(), flags("terminations", entries, n),
        flags("truncations", entries, n), floats(next));
  }

  private static byte[] required(Map<String, byte[]> entries, String name) {
    byte[] bytes = entries.get(name);
    String alias = ALIASES.get(name);
    if (bytes == null && alias != null) {
      bytes = entries.get(alias);
    }
    if (bytes == null) {
      throw new IllegalArgumentException("no '" + name + "' array" + (alias == null ? "" : " (nor '" + alias + "')")
          + "; expected the arrays " + ARRAYS + " and " + METADATA + ", found " + entries.keySet());
    }
    return bytes;
  }

  private static INDArray numeric(String name, byte[] npy) {
    NpyHeader header = NpyHeader.of(name, npy);
    header.requireNumeric(name);
    return Nd4j.createNpyFromByteArray(npy);
  }

  /** An array of shape (n,) or (n, 1), as a vector of n. */
  private static INDArray column(String name, INDArray array, int n) {
    long[] s = array.shape();
    boolean fits = (s.length == 1 && s[0] == n) || (s.length == 2 && s[0] == n && s[1] == 1);
    if (!fits) {
      throw new IllegalArgumentException(name + " has shape " + Arrays.toString(s) + "; expected (" + n + ",), one per"
          + " observation");
    }
    return array.reshape(n);
  }

  private static float[] floats(INDArray array) {
    return array.castTo(DataType.FLOAT).data().asFloat();
  }

  private static boolean[] flags(String name, Map<String, byte[]> entries, int n) {
    INDArray array = numeric(name, required(entries, name));
    if (array.dataType().isFPType()) {
      throw new IllegalArgumentException(name + " has dtype " + array.dataType() + "; expected booleans (or 0/1"
          + " integers)");
    }
    long[] values = column(name, array, n).castTo(DataType.LONG).data().asLong();
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (values[i] != 0 && values[i] != 1) {
        throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + " is invalid; expected a boolean");
      }
      out[i] = values[i] == 1;
    }
    return out;
  }

  private static DatasetInfo info(byte[] npy) {
    NpyHeader header = NpyHeader.of(METADATA, npy);
    String text = metadataText(header, npy);
    JsonNode m;
    try {
      m = JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("metadata is not JSON: " + ConfigException.oneLine(e.getMessage()), e);
    }
    if (m == null || !m.isObject()) {
      throw new IllegalArgumentException("metadata is not a JSON object");
    }
    JsonNode env = m.get("env_id");
    if (env == null || !env.isTextual() || env.textValue().isBlank()) {
      throw new IllegalArgumentException("metadata has no env_id; expected e.g. {\"env_id\": \"CartPole-v1\"}");
    }
    JsonNode seed = m.get("seed");
    if (seed != null && !seed.isNull() && !seed.canConvertToLong()) {
      throw new IllegalArgumentException("metadata seed = " + seed + " is invalid; expected an integer or null");
    }
    JsonNode policy = m.get("policy");
    return new DatasetInfo(env.textValue(), object(m, "env_options"), policy == null || policy.isNull() ? ""
        : policy.asText(), object(m, "policy_options"), seed == null || seed.isNull() ? null : seed.longValue());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(JsonNode m, String field) {
    JsonNode node = m.get(field);
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("metadata " + field + " = " + node + " is invalid; expected a JSON object");
    }
    return JSON.convertValue(node, Map.class);
  }

  /**
   * The metadata's text: uint8 (or int8) bytes of UTF-8 JSON, decoded by ND4J; or a NumPy unicode string
   * ({@code <U}, UTF-32LE, 0-d or of one element), which ND4J cannot read, decoded here from the entry's data.
   */
  private static String metadataText(NpyHeader header, byte[] npy) {
    if (header.descr().equals("|u1") || header.descr().equals("|i1")) {
      header.requireNumeric(METADATA);
      byte[] bytes = Nd4j.createNpyFromByteArray(npy).castTo(DataType.BYTE).data().asBytes();
      return new String(bytes, StandardCharsets.UTF_8);
    }
    if (header.descr().startsWith("<U") && header.length() == 1) {
      int chars = Integer.parseInt(header.descr().substring(2));
      if (header.dataOffset() + 4L * chars > npy.length) {
        throw new IllegalArgumentException("metadata string is truncated");
      }
      String s = new String(npy, header.dataOffset(), 4 * chars, java.nio.charset.Charset.forName("UTF-32LE"));
      int end = s.indexOf('\0');
      return end < 0 ? s : s.substring(0, end);
    }
    throw new IllegalArgumentException("metadata has dtype '" + header.descr() + "' and shape "
        + Arrays.toString(header.shape()) + "; expected JSON as uint8 bytes or one NumPy string (<U)");
  }
}
