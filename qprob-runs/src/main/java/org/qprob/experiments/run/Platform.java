package org.qprob.experiments.run;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * What a result was computed on: Java, the operating system, the cores and heap, the environment variables that
 * decide the native libraries' speed, and the versions of the libraries on the class path.
 *
 * @param java Java's version, vendor and VM
 * @param os the operating system's name, version and architecture
 * @param cores available processors
 * @param maxHeapBytes the JVM's maximum heap
 * @param variables {@code OMP_NUM_THREADS} and {@code OPENBLAS_CORETYPE} as set (absent if unset)
 * @param libraries artifact to version, for qprob's modules and the libraries results depend on
 * @param blas the OpenBLAS kernel choice: {@code coreType}, the {@code OPENBLAS_CORETYPE} in force ({@code unset}:
 *     OpenBLAS's own detection), which the launcher sets by {@code simd}, the CPU's widest vector extension
 *     ({@code avx512}, {@code avx2} or {@code other}, from {@code /proc/cpuinfo}; {@code unknown} elsewhere), and
 *     {@code cpu}, its model name; absent in provenance written before it was recorded
 */
public record Platform(Map<String, String> java, Map<String, String> os, int cores, long maxHeapBytes,
    Map<String, String> variables, Map<String, String> libraries, Map<String, String> blas) {

  /** Artifact to a class it holds, whose jar the version is read from. */
  private static final Map<String, String> ARTIFACTS = artifacts();

  private static Map<String, String> artifacts() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("org.qprob:qprob-api", "org.qprob.api.Options");
    m.put("org.qprob:qprob-losses", "org.qprob.losses.L2Loss");
    m.put("org.qprob:qprob-envs", "org.qprob.envs.verify.TraceVerifier");
    m.put("org.qprob:qprob-agents", "org.qprob.agents.AgentFactory");
    m.put("org.qprob:qprob-experiments", "org.qprob.experiments.run.Platform");
    m.put("org.deeplearning4j:deeplearning4j-nn", "org.deeplearning4j.nn.multilayer.MultiLayerNetwork");
    m.put("org.nd4j:nd4j-api", "org.nd4j.linalg.factory.Nd4j");
    m.put("org.nd4j:nd4j-native", "org.nd4j.linalg.cpu.nativecpu.CpuBackend");
    m.put("org.bytedeco:javacpp", "org.bytedeco.javacpp.Loader");
    m.put("org.bytedeco:openblas", "org.bytedeco.openblas.global.openblas");
    m.put("com.google.inject:guice", "com.google.inject.Guice");
    m.put("com.fasterxml.jackson.core:jackson-databind", "com.fasterxml.jackson.databind.ObjectMapper");
    m.put("org.apache.commons:commons-math3", "org.apache.commons.math3.util.FastMath");
    m.put("info.picocli:picocli", "picocli.CommandLine");
    m.put("org.knowm.xchart:xchart", "org.knowm.xchart.XYChart");
    return m;
  }

  /** The platform this process runs on. */
  public static Platform current() {
    Map<String, String> java = new LinkedHashMap<>();
    java.put("version", System.getProperty("java.version"));
    java.put("vendor", System.getProperty("java.vendor"));
    java.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    Map<String, String> os = new LinkedHashMap<>();
    os.put("name", System.getProperty("os.name"));
    os.put("version", System.getProperty("os.version"));
    os.put("arch", System.getProperty("os.arch"));
    Map<String, String> variables = new LinkedHashMap<>();
    for (String v : List.of("OMP_NUM_THREADS", "OPENBLAS_CORETYPE")) {
      String value = System.getenv(v);
      if (value != null) {
        variables.put(v, value);
      }
    }
    Map<String, String> libraries = new LinkedHashMap<>();
    ARTIFACTS.forEach((artifact, className) -> libraries.put(artifact, version(artifact, className)));
    Runtime rt = Runtime.getRuntime();
    return new Platform(java, os, rt.availableProcessors(), rt.maxMemory(), variables, libraries, currentBlas());
  }

  /** The OpenBLAS kernel choice and what it was made from. */
  static Map<String, String> currentBlas() {
    Map<String, String> blas = new LinkedHashMap<>();
    String coreType = System.getenv("OPENBLAS_CORETYPE");
    blas.put("coreType", coreType == null ? "unset" : coreType);
    String model = "unknown";
    String simd = "unknown";
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      for (String line : lines) {
        if (line.startsWith("model name") && model.equals("unknown")) {
          model = line.substring(line.indexOf(':') + 1).trim();
        }
        if (line.startsWith("flags") && simd.equals("unknown")) {
          List<String> flags = List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+"));
          simd = flags.contains("avx512f") && flags.contains("avx512bw") ? "avx512"
              : flags.contains("avx2") && flags.contains("fma") ? "avx2" : "other";
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: the variable alone is recorded
    }
    blas.put("simd", simd);
    blas.put("cpu", model);
    return blas;
  }

  /**
   * The artifact's version as recorded in the jar that holds {@code className}: its
   * {@code META-INF/maven/<group>/<artifact>/pom.properties}, else the manifest's implementation or bundle version;
   * {@code unknown} when the class is missing or comes from a folder of classes.
   */
  static String version(String artifact, String className) {
    Class<?> type;
    try {
      type = Class.forName(className, false, Platform.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return "unknown";
    }
    var source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return "unknown";
    }
    Path location;
    try {
      location = Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return "unknown";
    }
    if (!Files.isRegularFile(location)) {
      return "unknown";
    }
    String[] ga = artifact.split(":");
    try (JarFile jar = new JarFile(location.toFile())) {
      JarEntry entry = jar.getJarEntry("META-INF/maven/" + ga[0] + "/" + ga[1] + "/pom.properties");
      if (entry != null) {
        try (InputStream in = jar.getInputStream(entry)) {
          Properties p = new Properties();
          p.load(in);
          String v = p.getProperty("version");
          if (v != null) {
            return v;
          }
        }
      }
      Manifest manifest = jar.getManifest();
      if (manifest != null) {
        for (String key : List.of("Implementation-Version", "Bundle-Version")) {
          String v = manifest.getMainAttributes().getValue(key);
          if (v != null) {
            return v;
          }
        }
      }
      return "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }
}
